"""`factcheck serve`: a local web page for checking one draft (issue 15).

Flask renders every page on the server with Jinja2 autoescaping; the only script is a small
shipped file that scrolls between a highlight and its finding card. Needs `pip install
"factcheck[serve]"`."""

from factcheck.serve.app import create_app

__all__ = ["create_app"]
