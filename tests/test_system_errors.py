"""OS errors explained in the user's language, never with the C library's English."""

from __future__ import annotations

import errno
import os

import pytest

from communitydesk.i18n import set_language
from communitydesk.system_errors import os_error_reason

CODES = [errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOSPC, errno.ENOENT, errno.ENOTDIR, errno.EISDIR, errno.EIO]


@pytest.mark.parametrize("code", CODES)
def test_each_reason_is_french_and_never_strerror(code: int) -> None:
    reason = os_error_reason(OSError(code, os.strerror(code), "/tmp/x"))
    assert os.strerror(code) not in reason
    assert reason and reason[0].islower() and not reason.endswith(".")


def test_permissions_are_named() -> None:
    assert "permissions" in os_error_reason(PermissionError(errno.EACCES, "Permission denied"))


def test_an_unlisted_code_still_says_something_without_english() -> None:
    reason = os_error_reason(OSError(errno.ELOOP, os.strerror(errno.ELOOP)))
    assert reason == "erreur du système (ELOOP)"
    assert os_error_reason(OSError("no errno")) == "erreur du système"


def test_in_english_too() -> None:
    set_language("en")
    assert os_error_reason(OSError(errno.ENOSPC, "No space left on device")) == "the disk is full"
