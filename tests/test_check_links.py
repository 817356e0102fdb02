"""course/check_links.py: headings, their ids and their titles, read as MkDocs reads them."""

from __future__ import annotations

from course import check_links

PAGE = """# Introduction

## The *troika* {#troika}

## [Resolution 5/1](https://undocs.org/A/HRC/RES/5/1) and `code`

```
## not a heading (inside a code block)
```

## Introduction

<div id="box-1" markdown>text</div>
"""


def test_each_heading_id_has_the_title_a_reader_sees():
    assert check_links.heading_titles(PAGE) == {
        "introduction": "Introduction",
        "troika": "The troika",
        "resolution-51-and-code": "Resolution 5/1 and code",
        "introduction_1": "Introduction",
    }


def test_link_anchors_are_the_heading_ids_and_ids_in_html():
    assert check_links.heading_anchors(PAGE) == {
        "introduction",
        "troika",
        "resolution-51-and-code",
        "introduction_1",
        "box-1",
    }
