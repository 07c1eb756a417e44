"""A checker that lives as long as the server: config, pack and pipeline are loaded once.

`lint` builds one Linter per run; an editor surface checks many drafts, each perhaps with its own
as-of date, so Linters are kept per as-of date (the pipeline and pack inside are shared)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from datetime import date
from pathlib import Path
from typing import Any

from factcheck.models import FileReport

FORMATS = ("markdown", "html", "text")
_MAX_LINTERS = 8  # distinct as-of dates kept warm


class CheckerError(Exception):
    """The configuration or the claims pack cannot be used (one line, shown to the user)."""


class Checker:
    def __init__(self, root: str | Path | None = None, config_path: str | None = None,
                 packs: tuple[str, ...] | list[str] = (), as_of: date | None = None) -> None:
        """Load the config found from `root` (or `config_path`), the pack (bundled, config, `packs`)
        and warm the pipeline. Raises CheckerError with a one-line reason."""
        from factcheck.config import ConfigError, load_config
        from factcheck.knowledge import PackError, load_pack_cached
        from factcheck.rule_table import rules_metadata

        try:
            self.config = load_config(root, config_path)
            self.pack = load_pack_cached([Path(p) for p in (*(str(p) for p in self.config.packs), *packs)])
            self.rules = rules_metadata(self.pack)
            self.config.check_rules(r["id"] for r in self.rules)
        except (ConfigError, PackError) as exc:
            raise CheckerError(str(exc)) from None
        self.default_as_of = as_of or self.config.as_of
        self._linters: OrderedDict[date, Any] = OrderedDict()
        self._paths = self.config.path_filter()
        # spaCy pipelines are not documented as thread-safe; a threaded web server serialises here.
        self._lock = threading.Lock()
        self._linter(self.as_of())  # builds the pipeline now, not on the first request

    def as_of(self, requested: date | None = None) -> date:
        return requested or self.default_as_of or date.today()

    def _linter(self, as_of: date):  # type: ignore[no-untyped-def]
        from factcheck.documents import format_for
        from factcheck.engine import Linter
        from factcheck.policy import finding_policy

        linter = self._linters.get(as_of)
        if linter is None:
            linter = Linter(self.pack, as_of, keep_source=True,
                            policy=finding_policy(self.config, False, format_for))
            self._linters[as_of] = linter
            while len(self._linters) > _MAX_LINTERS:
                self._linters.popitem(last=False)
        else:
            self._linters.move_to_end(as_of)
        return linter

    def check(self, text: str, path: str, fmt: str | None = None, published: date | None = None,
              as_of: date | None = None) -> FileReport:
        """Lint one draft held in memory. `fmt` is markdown, html or text (None: by name, then
        sniffed). Inline suppressions and the config's rules apply exactly as in `lint`."""
        from factcheck.documents import format_for

        fmt = fmt if fmt in FORMATS else format_for(path, text)
        with self._lock:
            return self._linter(self.as_of(as_of)).lint_text(text, path, fmt, published=published)

    def accepts(self, path: str | Path) -> bool:
        """False for a file the config's `exclude` leaves out (an editor opens any file)."""
        try:
            return self._paths.accepts_explicit(Path(path))
        except (OSError, ValueError):
            return True
