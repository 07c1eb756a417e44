"""`factcheck audit`: lint a whole site (folder, URL list or sitemap) into JSON, Markdown and a
self-contained HTML report, optionally compared with a previous run.

    result = run_audit(inputs, linter, run_info, fetch_limits={...})
    apply_compare(result, load_previous("reports/2026-11/audit.json"))
    write_outputs(result, "reports/2026-12/")
"""

from factcheck.audit.compare import CompareError, apply_compare, load_previous
from factcheck.audit.model import AuditResult, PageResult, priority_of
from factcheck.audit.render import write_outputs
from factcheck.audit.runner import PageInput, collect_files, run_audit, url_inputs

__all__ = [
    "AuditResult",
    "CompareError",
    "PageInput",
    "PageResult",
    "apply_compare",
    "collect_files",
    "load_previous",
    "priority_of",
    "run_audit",
    "url_inputs",
    "write_outputs",
]
