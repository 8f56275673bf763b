"""Every image the public pages show is a set of WebP renditions the browser picks from
(srcset and sizes), loaded lazily, with its width and height so the layout does not jump."""

import re

from tests.factories import ImageFactory, NewsPageFactory

IMG = re.compile(r"<img [^>]*>")


def images_with_alt(html, alt):
    return [tag for tag in IMG.findall(html) if f'alt="{alt}"' in tag]


def assert_light(tag):
    assert 'loading="lazy"' in tag
    assert re.search(r'\bwidth="\d+"', tag) and re.search(r'\bheight="\d+"', tag)
    srcset = re.search(r'srcset="([^"]+)"', tag).group(1)
    candidates = [candidate.split() for candidate in srcset.split(",")]
    assert len(candidates) >= 2
    assert all(url.endswith(".webp") and width.endswith("w") for url, width in candidates)
    assert 'sizes="' in tag


def test_news_images_are_lazy_responsive_webp_renditions(client, news_index):
    image = ImageFactory(file__width=640, file__height=360)
    page = NewsPageFactory(
        parent=news_index,
        hero_image=image,
        hero_image_alt="Façade de la maison du projet",
        body=[("image", {"image": image, "alt_text": "Atelier au centre social", "caption": ""})],
    )

    article = client.get(page.url).content.decode()
    listing = client.get(news_index.url).content.decode()

    for tag in [
        *images_with_alt(article, "Façade de la maison du projet"),
        *images_with_alt(article, "Atelier au centre social"),
        *images_with_alt(listing, "Façade de la maison du projet"),
    ]:
        assert_light(tag)
    assert len(images_with_alt(article, "Atelier au centre social")) == 1
    assert len(images_with_alt(listing, "Façade de la maison du projet")) == 1
