"""Reports, moderators' actions and their log, the moderation queue.
Public surface: `participation.moderation.api`."""
