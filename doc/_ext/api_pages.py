"""Writes the API reference's pages from doxygen's XML: one page per folder of headers.

    python3 doc/_ext/api_pages.py XML_DIR OUT_DIR

scripts/build-doc.sh (make doc) runs it on a copy of doc/ before Sphinx reads it, so the pages
follow the headers: a header added, moved or removed needs no change to the documentation.
OUT_DIR/index.rst lists the folders; OUT_DIR/<folder>.rst (``model-nr.rst`` for ``model/nr/``) has
a section per header with its brief description and a breathe directive for every class, struct,
function, enum, typedef, variable and macro the header declares and documents.

Entities are named one by one (``doxygenclass``, ``doxygenfunction``, ...) rather than with
``doxygenfile``: breathe's ``doxygenfile`` declares the enclosing namespaces again for every header,
and a namespace declared on many pages is a duplicate C++ declaration, which make doc treats as an
error.
"""

import collections
import os
import sys
import xml.etree.ElementTree as ET

# What the library's headers declare, and the breathe directive that renders each kind.
MEMBER_DIRECTIVES = {
    "function": "doxygenfunction",
    "enum": "doxygenenum",
    "typedef": "doxygentypedef",
    "variable": "doxygenvariable",
    "define": "doxygendefine",
}

# Every class is rendered with its public and protected members (a subclass, such as a user's own
# scheduler, needs the protected ones). Members without documentation are left out: they are the
# overrides of ns-3's virtual functions (DoDispose, ...), documented in ns-3.
CLASS_OPTIONS = ["   :members:", "   :protected-members:"]


def text_of(element):
    """The plain text of an XML element (empty when it is missing)."""
    if element is None:
        return ""
    return " ".join("".join(element.itertext()).split())


def rst_escape(text):
    """Text that reStructuredText shows as written."""
    for character in "\\*`|_":
        text = text.replace(character, "\\" + character)
    return text


def title(text, underline):
    """A section title."""
    return [text, underline * len(text), ""]


def read_compound(xml_dir, refid):
    """The compounddef element of one compound's XML file."""
    return ET.parse(os.path.join(xml_dir, refid + ".xml")).getroot().find("compounddef")


def collect(xml_dir):
    """Map every header to its brief description and the entities it declares.

    Returns {path: {"brief": str, "refid": str, "entities": [(directive, name)]}} with paths from
    the include root ("model/nr/nr-tbs.h"), entities in the order of the header.
    """
    index = ET.parse(os.path.join(xml_dir, "index.xml")).getroot()
    kinds = {compound.findtext("name"): compound.get("kind") for compound in index}
    headers = {}
    entries = collections.defaultdict(list)  # path -> [(line, directive, name)]

    for compound in index.findall("compound"):
        kind = compound.get("kind")
        refid = compound.get("refid")
        if kind == "file":
            definition = read_compound(xml_dir, refid)
            path = definition.find("location").get("file")
            if not path.endswith(".h"):
                continue
            headers[path] = {"brief": text_of(definition.find("briefdescription")), "refid": refid}
            # Macros are members of the file itself.
            for member in definition.iter("memberdef"):
                if member.get("kind") == "define":
                    entries[path].append(
                        (int(member.find("location").get("line")), "doxygendefine",
                         member.findtext("name")))
        elif kind in ("class", "struct"):
            definition = read_compound(xml_dir, refid)
            name = definition.findtext("compoundname")
            # A nested class is rendered inside its enclosing class.
            if kinds.get(name.rpartition("::")[0]) in ("class", "struct"):
                continue
            location = definition.find("location")
            entries[location.get("file")].append(
                (int(location.get("line")), "doxygen" + kind, name))
        elif kind == "namespace":
            definition = read_compound(xml_dir, refid)
            overloads = collections.Counter(
                member.findtext("qualifiedname") for member in definition.iter("memberdef")
                if member.get("kind") == "function")
            for member in definition.iter("memberdef"):
                directive = MEMBER_DIRECTIVES.get(member.get("kind"))
                if directive is None:
                    continue
                name = member.findtext("qualifiedname")
                if member.get("kind") == "function" and overloads[name] > 1:
                    # breathe picks an overload by its parameter list.
                    arguments = member.findtext("argsstring")
                    name += arguments[:arguments.rindex(")") + 1]
                location = member.find("location")
                entries[location.get("file")].append(
                    (int(location.get("line")), directive, name))

    for path, header in headers.items():
        header["entities"] = [(d, n) for _, d, n in sorted(set(entries[path]))]
    return headers


def write_pages(headers, out_dir):
    """Write index.rst and one page per folder into out_dir."""
    os.makedirs(out_dir, exist_ok=True)
    folders = collections.defaultdict(list)
    for path in headers:
        folders[os.path.dirname(path)].append(path)

    pages = []
    for folder in sorted(folders):
        page = folder.replace("/", "-")
        pages.append(page)
        lines = title("``%s/``" % folder, "=")
        for path in sorted(folders[folder]):
            # doxygen links a header's name in a comment to the header ("units.h"): its refid, and
            # that of its source listing, which this reference does not hold, land here.
            refid = headers[path]["refid"]
            lines += [".. _%s:" % refid, ".. _%s_source:" % refid, ""]
            lines += title("``%s``" % os.path.basename(path), "-")
            lines += ["``#include <blueprint/%s>``" % path, ""]
            if headers[path]["brief"]:
                lines += [rst_escape(headers[path]["brief"]), ""]
            for directive, name in headers[path]["entities"]:
                lines.append(".. %s:: %s" % (directive, name))
                if directive in ("doxygenclass", "doxygenstruct"):
                    lines += CLASS_OPTIONS
                lines.append("")
        with open(os.path.join(out_dir, page + ".rst"), "w", encoding="utf-8") as out:
            out.write("\n".join(lines))

    lines = title("API reference", "=")
    lines += [
        "The classes, functions and constants of blueprint's headers, from their doxygen comments,",
        "one page per folder. Everything is in ``namespace ns3::blueprint``; a program includes a",
        "header from the installed module as ``<blueprint/model/...>`` (:doc:`../building-on`).",
        "",
        ".. toctree::",
        "   :maxdepth: 1",
        "",
    ]
    lines += ["   %s" % page for page in pages]
    with open(os.path.join(out_dir, "index.rst"), "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: api_pages.py XML_DIR OUT_DIR")
    write_pages(collect(sys.argv[1]), sys.argv[2])


if __name__ == "__main__":
    main()
