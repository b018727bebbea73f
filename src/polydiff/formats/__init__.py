"""Input formats: plain text, web pages, Word and PDF files turned into the plain text the
parser takes, with the metadata found in them. See :mod:`polydiff.formats.registry`."""

from polydiff.formats.model import Extracted, Found
from polydiff.formats.registry import FORMATS, Format, detect, extract, read

__all__ = ["FORMATS", "Extracted", "Format", "Found", "detect", "extract", "read"]
