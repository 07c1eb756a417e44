class InputError(Exception):
    """An input cannot be linted. `str()` is one line that names the file and the reason."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")
