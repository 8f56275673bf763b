"""Activity, follows, notifications, e-mails and digests, with one entry point, `notify()`.
Public surface: `participation.notifications.api`."""
