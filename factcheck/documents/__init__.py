"""Reading inputs: bytes -> decoded source -> prose with an offset map and metadata."""

from factcheck.documents.errors import InputError
from factcheck.documents.model import Document
from factcheck.documents.reader import EXTENSIONS, decode, format_for, parse, read_document

__all__ = ["EXTENSIONS", "Document", "InputError", "decode", "format_for", "parse", "read_document"]
