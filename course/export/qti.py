"""Quizzes as IMS QTI 2.1 content packages: one zip per quiz and language.

A package holds imsmanifest.xml, one assessmentItem per question (items/<id>.xml) and an
assessmentTest (test.xml) that scores the quiz as the site does: the mean of the questions.
Each item carries its own responseProcessing (no templates), so the score of every question
type matches the site's, and modalFeedback for option feedback and the explanation.
Quiz HTML becomes QTI's XHTML subset; tags QTI does not have become <span>.
"""

from __future__ import annotations

import io
import zipfile
from html.parser import HTMLParser
from types import SimpleNamespace
from xml.etree import ElementTree as ET

from course.export.common import LanguageText
from course.quizzes.types import QUESTION_TYPES

QTI = "http://www.imsglobal.org/xsd/imsqti_v2p1"
CP = "http://www.imsglobal.org/xsd/imscp_v1p1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
QTI_SCHEMA = f"{QTI} http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
CP_SCHEMA = f"{CP} http://www.imsglobal.org/xsd/imscp_v1p1.xsd"
XHTML_IN_QTI = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "code",
    "dd",
    "div",
    "dl",
    "dt",
    "em",
    "i",
    "kbd",
    "li",
    "ol",
    "p",
    "pre",
    "q",
    "small",
    "span",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
}
KEPT_ATTRIBUTES = {"a": {"href"}, "abbr": {"title"}}
VOID = {"br", "hr", "img", "input", "wbr"}
ZIP_DATE = (2024, 1, 1, 0, 0, 0)  # fixed, so the same quiz always gives the same zip


def q(tag: str) -> str:
    return f"{{{QTI}}}{tag}"


def sub(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, q(tag), {k.rstrip("_"): v for k, v in attributes.items()})
    if text is not None:
        element.text = text
    return element


class _XhtmlBuilder(HTMLParser):
    """Appends an HTML fragment to an element as QTI-namespaced XHTML."""

    def __init__(self, parent: ET.Element):
        super().__init__(convert_charrefs=True)
        self.stack = [parent]

    def handle_starttag(self, tag: str, attrs: list) -> None:
        name = tag if tag in XHTML_IN_QTI else "span"
        element = ET.SubElement(self.stack[-1], q(name))
        for key, value in attrs:
            if key == "lang" and value:
                element.set(XML_LANG, value)
            elif key in KEPT_ATTRIBUTES.get(name, ()) and value is not None:
                element.set(key, value)
        if tag not in VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID and len(self.stack) > 1:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        parent = self.stack[-1]
        if len(parent):
            parent[-1].tail = (parent[-1].tail or "") + data
        else:
            parent.text = (parent.text or "") + data


def add_html(parent: ET.Element, fragment: str) -> ET.Element:
    builder = _XhtmlBuilder(parent)
    builder.feed(fragment)
    builder.close()
    return parent


def _value(parent: ET.Element, text: str) -> None:
    sub(parent, "value", text)


def _set(parent: ET.Element, identifier: str) -> ET.Element:
    return sub(parent, "setOutcomeValue", identifier=identifier)


def _base(parent: ET.Element, base_type: str, value: str) -> ET.Element:
    return sub(parent, "baseValue", value, baseType=base_type)


def _mapped_score(processing: ET.Element, out_of: int) -> None:
    """SCORE = the response's mapped value / out_of (0 when nothing was answered).

    Mapped values are whole numbers (+1 per right pick, -1 per wrong one), divided once at
    the end, so a full answer scores exactly 1 rather than 3 x 0.333333.
    """
    condition = sub(processing, "responseCondition")
    when = sub(condition, "responseIf")
    sub(sub(when, "isNull"), "variable", identifier="RESPONSE")
    _base(_set(when, "SCORE"), "float", "0")
    score = _set(sub(condition, "responseElse"), "SCORE")
    if out_of == 1:
        sub(score, "mapResponse", identifier="RESPONSE")
        return
    divide = sub(score, "divide")
    sub(divide, "mapResponse", identifier="RESPONSE")
    _base(divide, "float", str(out_of))


def _all_or_nothing(processing: ET.Element) -> None:
    condition = sub(processing, "responseCondition")
    when = sub(condition, "responseIf")
    match = sub(when, "match")
    sub(match, "variable", identifier="RESPONSE")
    sub(match, "correct", identifier="RESPONSE")
    _base(_set(when, "SCORE"), "float", "1")
    _base(_set(sub(condition, "responseElse"), "SCORE"), "float", "0")


def _share_in_place(processing: ET.Element, count: int) -> None:
    """SCORE = items in their right position / items, like the site's order questions."""
    for position in range(count):
        when = sub(sub(processing, "responseCondition"), "responseIf")
        match = sub(when, "match")
        sub(sub(match, "index", n=str(position + 1)), "variable", identifier="RESPONSE")
        _base(match, "identifier", f"ITEM_{position}")
        total = sub(_set(when, "PLACED"), "sum")
        sub(total, "variable", identifier="PLACED")
        _base(total, "integer", "1")
    divide = sub(_set(processing, "SCORE"), "divide")
    sub(divide, "variable", identifier="PLACED")
    _base(divide, "float", str(count))


def _feedback_outcome(processing: ET.Element, with_choice: bool) -> None:
    """FEEDBACK = the chosen options (for their feedback) and EXPLANATION (always shown)."""
    multiple = sub(_set(processing, "FEEDBACK"), "multiple")
    if with_choice:
        sub(multiple, "variable", identifier="RESPONSE")
    _base(multiple, "identifier", "EXPLANATION")


def _declare(item: ET.Element, cardinality: str, base_type: str, correct: list[str]) -> ET.Element:
    declaration = sub(item, "responseDeclaration", identifier="RESPONSE", cardinality=cardinality, baseType=base_type)
    values = sub(declaration, "correctResponse")
    for value in correct:
        _value(values, value)
    return declaration


def _mapping(declaration: ET.Element, entries: list[tuple[str, int]], upper: int, case_sensitive: bool = True) -> None:
    """caseSensitive is written everywhere: the QTI 2.1 schema requires it on every mapEntry."""
    mapping = sub(declaration, "mapping", lowerBound="0", upperBound=str(upper), defaultValue="0")
    for key, value in entries:
        sub(
            mapping, "mapEntry", mapKey=key, mappedValue=str(value), caseSensitive="true" if case_sensitive else "false"
        )


def _outcomes(item: ET.Element, extra: dict[str, str] | None = None) -> None:
    score = sub(
        item, "outcomeDeclaration", identifier="SCORE", cardinality="single", baseType="float", normalMaximum="1"
    )
    _value(sub(score, "defaultValue"), "0")
    sub(item, "outcomeDeclaration", identifier="FEEDBACK", cardinality="multiple", baseType="identifier")
    for identifier, base_type in (extra or {}).items():
        _value(
            sub(
                sub(item, "outcomeDeclaration", identifier=identifier, cardinality="single", baseType=base_type),
                "defaultValue",
            ),
            "0",
        )


def assessment_item(question: dict, number: int, text: LanguageText) -> ET.Element:
    """One question as an assessmentItem in one language."""
    kind = QUESTION_TYPES[question["type"]]
    item = ET.Element(
        q("assessmentItem"),
        {
            f"{{{XSI}}}schemaLocation": QTI_SCHEMA,
            "identifier": item_identifier(question),
            "title": f"{number:02d} {question['id']}",
            "adaptive": "false",
            "timeDependent": "false",
            XML_LANG: text.language,
        },
    )
    kind.qti_response(item, question, text, QTI_TOOLS)
    _outcomes(item, dict(kind.qti_counters) or None)
    body = add_html(sub(item, "itemBody"), text.html(question["prompt"]))
    kind.qti_interaction(body, question, text, QTI_TOOLS)
    processing = sub(item, "responseProcessing")
    kind.qti_scoring(processing, question, QTI_TOOLS)
    _feedback_outcome(processing, kind.qti_option_feedback)
    options = question.get("options") or []
    for index, option in enumerate(options):
        if "feedback" in option:
            add_html(
                sub(item, "modalFeedback", outcomeIdentifier="FEEDBACK", identifier=f"CHOICE_{index}", showHide="show"),
                text.html(option["feedback"]),
            )
    explanation = sub(item, "modalFeedback", outcomeIdentifier="FEEDBACK", identifier="EXPLANATION", showHide="show")
    add_html(explanation, text.html(question["explanation"]))
    url = text.see_url(question.get("see"))
    if url:
        sub(sub(explanation, "p"), "a", text.ui_text("quiz_review"), href=url)
    return item


# What a question type (course.quizzes.types) uses to write its parts of an item.
QTI_TOOLS = SimpleNamespace(
    sub=sub,
    add_html=add_html,
    declare=_declare,
    mapping=_mapping,
    mapped_score=_mapped_score,
    all_or_nothing=_all_or_nothing,
    share_in_place=_share_in_place,
)


def item_identifier(question: dict) -> str:
    return f"item-{question['id']}"


def assessment_test(quiz_id: str, data: dict, text: LanguageText) -> ET.Element:
    """The quiz as a test: the questions in order, SCORE = their mean, PASS from pass_mark."""
    questions = data["questions"]
    test = ET.Element(
        q("assessmentTest"),
        {
            f"{{{XSI}}}schemaLocation": QTI_SCHEMA,
            "identifier": f"test-{quiz_id}-{text.language}",
            "title": text.plain(data["title"]),
        },
    )
    score = sub(
        test, "outcomeDeclaration", identifier="SCORE", cardinality="single", baseType="float", normalMaximum="1"
    )
    _value(sub(score, "defaultValue"), "0")
    sub(test, "outcomeDeclaration", identifier="PASS", cardinality="single", baseType="boolean")
    part = sub(test, "testPart", identifier="part-1", navigationMode="nonlinear", submissionMode="individual")
    section = sub(part, "assessmentSection", identifier="section-1", title=text.plain(data["title"]), visible="true")
    for question in questions:
        sub(section, "assessmentItemRef", identifier=item_identifier(question), href=f"items/{question['id']}.xml")
    processing = sub(test, "outcomeProcessing")
    divide = sub(_set(processing, "SCORE"), "divide")
    sub(divide, "testVariables", variableIdentifier="SCORE")
    _base(divide, "float", str(len(questions)))
    passed = sub(_set(processing, "PASS"), "gte")
    sub(passed, "variable", identifier="SCORE")
    _base(passed, "float", f"{int(data.get('pass_mark', 70)) / 100:g}")
    return test


def manifest(quiz_id: str, data: dict, language: str) -> ET.Element:
    """imsmanifest.xml: the test and every item as resources, the test depending on the items."""
    c = lambda tag: f"{{{CP}}}{tag}"  # noqa: E731
    root = ET.Element(
        c("manifest"), {"identifier": f"manifest-{quiz_id}-{language}", f"{{{XSI}}}schemaLocation": CP_SCHEMA}
    )
    metadata = ET.SubElement(root, c("metadata"))
    ET.SubElement(metadata, c("schema")).text = "QTIv2.1 Package"
    ET.SubElement(metadata, c("schemaversion")).text = "1.0.0"
    ET.SubElement(root, c("organizations"))
    resources = ET.SubElement(root, c("resources"))
    test = ET.SubElement(
        resources, c("resource"), identifier=f"res-test-{quiz_id}", type="imsqti_test_xmlv2p1", href="test.xml"
    )
    ET.SubElement(test, c("file"), href="test.xml")
    for question in data["questions"]:
        ET.SubElement(test, c("dependency"), identifierref=f"res-{question['id']}")
    for question in data["questions"]:
        href = f"items/{question['id']}.xml"
        resource = ET.SubElement(
            resources, c("resource"), identifier=f"res-{question['id']}", type="imsqti_item_xmlv2p1", href=href
        )
        ET.SubElement(resource, c("file"), href=href)
    return root


def xml_bytes(element: ET.Element, namespace: str = QTI) -> bytes:
    """Serialized without indentation, which would add spaces inside the questions' texts.

    The package's namespace is the default one (no prefix), as LMS importers expect.
    """
    ET.register_namespace("", namespace)
    return ET.tostring(element, encoding="utf-8", xml_declaration=True) + b"\n"


def qti_package(quiz_id: str, data: dict, text: LanguageText) -> bytes:
    """The zip content package of one quiz in one language."""
    files = {"imsmanifest.xml": xml_bytes(manifest(quiz_id, data, text.language), CP)}
    files["test.xml"] = xml_bytes(assessment_test(quiz_id, data, text))
    for number, question in enumerate(data["questions"], start=1):
        files[f"items/{question['id']}.xml"] = xml_bytes(assessment_item(question, number, text))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(zipfile.ZipInfo(name, ZIP_DATE), content, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()
