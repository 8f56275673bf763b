"""E-mail backends that fail like real servers do, for the sending tests."""

import smtplib

from django.core.mail.backends.locmem import EmailBackend


class RefusingBackend(EmailBackend):
    """The server refuses the addresses that contain "refuse" (the rest is delivered)."""

    def send_messages(self, messages):
        for message in messages:
            if any("refuse" in address for address in message.to):
                raise smtplib.SMTPRecipientsRefused({message.to[0]: (550, b"No such user")})
        return super().send_messages(messages)


class CrashingBackend(EmailBackend):
    """The worker dies (an unexpected error) on the address that contains "crash"."""

    def send_messages(self, messages):
        for message in messages:
            if any("crash" in address for address in message.to):
                raise RuntimeError("worker killed")
        return super().send_messages(messages)
