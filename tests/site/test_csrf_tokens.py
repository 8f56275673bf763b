"""CSRF secrets and masks drawn in one go (maillage/csrf_tokens.py): the same strings as
Django's, and the tokens of a page still let its forms post (test_header_cache)."""

from django.middleware import csrf

from maillage.csrf_tokens import new_csrf_string


def test_django_draws_its_csrf_strings_with_ours():
    assert csrf._get_new_csrf_string is new_csrf_string


def test_csrf_strings_are_of_the_length_and_alphabet_django_expects():
    drawn = [new_csrf_string() for _ in range(200)]

    assert all(len(token) == csrf.CSRF_SECRET_LENGTH for token in drawn)
    assert len(set(drawn)) == len(drawn)
    # 6,400 characters: each of the 62 shows up (a miss would have odds of e^-100).
    assert set("".join(drawn)) == set(csrf.CSRF_ALLOWED_CHARS)
    secret = drawn[0]
    assert csrf._unmask_cipher_token(csrf._mask_cipher_secret(secret)) == secret
