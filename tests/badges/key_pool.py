"""Issuer keys made once per test run and handed out in turn, so tests stay fast.

Making a 3072-bit RSA key takes a quarter of a second; the permission table alone builds
hundreds of worlds. Within one test every key handed out is still distinct.
"""

import contextlib
import itertools
from unittest import mock

from peerpath.badges.crypto import keys

_made = keys.generate
_pool: dict[str, list] = {keys.RS256: [], keys.EDDSA: []}


@contextlib.contextmanager
def pooled_keys():
    counters = {algorithm: itertools.count() for algorithm in _pool}

    def generate(algorithm: str):
        index = next(counters[algorithm])
        while len(_pool[algorithm]) <= index:
            _pool[algorithm].append(_made(algorithm))
        return _pool[algorithm][index]

    with mock.patch.object(keys, "generate", generate):
        yield
