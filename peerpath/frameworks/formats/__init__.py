"""Reading and writing framework files.

Every reader turns a file into `FrameworkData` (plain dataclasses, no database), and every
writer turns `FrameworkData` back into a file. Validation runs on `FrameworkData`, so all
formats get the same checks and the same messages; problems name the line (CSV) or the
field path (JSON) they come from.
"""

from .data import (
    DomainData,
    FrameworkData,
    FrameworkFileError,
    Problem,
    ProgressionLevelData,
    RatingScaleData,
    ScaleLevelData,
    SourceData,
    StatementData,
)
from .reading import FORMATS, dump_framework, read_framework_file

__all__ = [
    "FORMATS",
    "DomainData",
    "FrameworkData",
    "FrameworkFileError",
    "Problem",
    "ProgressionLevelData",
    "RatingScaleData",
    "ScaleLevelData",
    "SourceData",
    "StatementData",
    "dump_framework",
    "read_framework_file",
]
