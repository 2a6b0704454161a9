#!/usr/bin/env python
"""Kept for habit; `peerpath` (the console script) does the same."""

from peerpath.__main__ import main

if __name__ == "__main__":
    main()
