"""At login, note in the session whether the member must accept new versions of the
terms (with the addresses of the legal pages, which stay readable meanwhile): the
middleware then reads the session only, no query on other requests."""

from django.contrib.auth.signals import user_logged_in

from privacy.consent import SESSION_KEY, current_documents, outdated_documents


def check_consents(sender, request, user, **kwargs):
    if request is None or not hasattr(request, "session"):
        return
    if outdated_documents(user):
        paths = [page.get_url(request) for page in current_documents().values()]
        request.session[SESSION_KEY] = [path for path in paths if path]
    else:
        request.session.pop(SESSION_KEY, None)


def connect():
    user_logged_in.connect(check_consents, dispatch_uid="privacy_check_consents")
