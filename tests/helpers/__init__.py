"""Helpers the tests share — hand-made claims, the desk's claims and verdicts, the browser — imported as ``tests.helpers.*``."""
