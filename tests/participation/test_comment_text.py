from participation.templatetags.participation_tags import comment_text


def test_comment_text_is_escaped_and_keeps_its_line_breaks():
    assert comment_text("<b>Bonjour</b> & merci\nà demain") == (
        "&lt;b&gt;Bonjour&lt;/b&gt; &amp; merci<br>à demain"
    )


def test_links_in_a_comment_become_nofollow_links():
    html = comment_text("Le guide : https://exemple.fr/guide?a=1&b=2 et www.anru.fr.")
    assert '<a href="https://exemple.fr/guide?a=1&amp;b=2" rel="nofollow">' in html
    assert '<a href="http://www.anru.fr" rel="nofollow">www.anru.fr</a>.' in html


def test_an_e_mail_address_in_a_comment_becomes_a_mailto_link():
    assert '<a href="mailto:contact@crpv.fr">' in comment_text("Écrire à contact@crpv.fr")
