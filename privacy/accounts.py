"""How a deleted account is recognised, with no flag column: its e-mail address is
replaced by a placeholder under a reserved, non-routable domain (RFC 2606 `.invalid`).
`members.models.User` reads it to sign the kept contributions "Compte supprimé"; nothing
here imports another app, so that members may import it."""

DELETED_EMAIL_DOMAIN = "compte-supprime.invalid"


def deleted_email(token):
    """A unique address nobody can receive mail at nor sign up with."""
    return f"supprime-{token}@{DELETED_EMAIL_DOMAIN}"


def is_deleted_email(email):
    return bool(email) and email.endswith(f"@{DELETED_EMAIL_DOMAIN}")
