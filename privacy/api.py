"""What other modules may use of privacy. Most need nothing: the export finds every
model with a ForeignKey or OneToOne to the member by itself, and deletion keeps rows
that point at the member (contributions) while blanking one-to-one rows (profiles).
A module refines only what introspection cannot guess, from its `AppConfig.ready()`:

- `register_export(Model, user_fields=..., exclude=...)`: export `Model`'s rows only
  through `user_fields` (e.g. a block: the blocker's rows, not the blocked one's), and
  without the `exclude` fields (secrets, other people's data);
- `register_erasure(Model, user_field)`: rows of `Model` that are the member's personal
  data rather than contributions, deleted with the account (e.g. a member's saved
  searches);
- `is_deleted_email(email)`: whether an account was deleted (it is signed "Compte
  supprimé").
"""

from privacy.accounts import is_deleted_email
from privacy.registry import register_erasure, register_export

__all__ = ["is_deleted_email", "register_erasure", "register_export"]
