"""Garbage collection around the objects a run keeps for its whole life.

Importing spaCy and building the pipeline and the compiled pack allocate a few hundred thousand
objects that live until the process ends. While they are being made, each automatic collection
walks all of them again (0.12 CPU s of a one-draft run, a sixth of it); afterwards every full
collection walks them too, and in a forked worker walking them writes to their pages, which then
stop being shared with the parent. So: no collection while they are built, then `gc.freeze()`
moves them out of the collector's sight (the use the Python docs give it, before forking).
Reference counting still frees everything as before; nothing a run outputs depends on this.

Then, while documents are linted, each one allocates a few thousand objects (the Markdown reader's
tokens, cues, claims) that live until it is done and are freed by reference counting. With the
default first-generation threshold (700) the collector ran about once per document, walked them
all while they were still in use and freed none (2-3% of the CPU time of lint). `for_documents`
raises that threshold above a document's working set: the collector still runs, rarely.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """No automatic collection inside the block (the previous setting is restored)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@contextmanager
def long_lived() -> Iterator[None]:
    """Build what the process keeps to its end: no collection meanwhile, then freeze it all."""
    with paused():
        try:
            yield
        finally:
            gc.freeze()


# Above the objects a document's work holds at once (a few thousand), so that the first generation
# is collected every few hundred documents instead of about once per document.
DOCUMENT_THRESHOLD = 5000


def for_documents() -> None:
    """Set the first generation's threshold for a run of documents (kept if already higher)."""
    first, second, third = gc.get_threshold()
    if first and first < DOCUMENT_THRESHOLD:
        gc.set_threshold(DOCUMENT_THRESHOLD, second, third)
