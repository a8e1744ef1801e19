"""Why the system refused a file operation, in the user's language.

``OSError.strerror`` is the C library's English ("Permission denied"): inside a French
sentence it reads as a leak. Every message that explains an ``OSError`` takes its reason
from :func:`os_error_reason`, which goes by ``errno``, the same on every system.
"""

from __future__ import annotations

import errno

from communitydesk.i18n import _


def os_error_reason(exc: OSError) -> str:
    """A short French phrase (no final full stop) for why ``exc`` happened, from its errno."""
    code = exc.errno
    if code in (errno.EACCES, errno.EPERM):
        return _("vous n'avez pas les droits nécessaires sur ce fichier ou son dossier (permissions)")
    if code == errno.EROFS:
        return _("le disque est en lecture seule")
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return _("le disque est plein")
    if code == errno.ENOENT:
        return _("le fichier ou son dossier n'existe pas")
    if code == errno.ENOTDIR:
        return _("un élément du chemin n'est pas un dossier")
    if code == errno.EISDIR:
        return _("c'est un dossier, pas un fichier")
    if code == errno.EEXIST:
        return _("le fichier existe déjà")
    if code == errno.ENAMETOOLONG:
        return _("le nom du fichier est trop long")
    if code in (errno.EBUSY, getattr(errno, "ETXTBSY", errno.EBUSY)):
        return _("le fichier est utilisé par un autre programme")
    if code in (errno.EMFILE, errno.ENFILE):
        return _("trop de fichiers sont ouverts")
    if code == errno.EIO:
        return _("le disque n'a pas pu lire ou écrire (support retiré ou défectueux ?)")
    if code is None:
        return _("erreur du système")
    return _("erreur du système ({code})", code=errno.errorcode.get(code, code))
