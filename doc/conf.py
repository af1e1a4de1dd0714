# Sphinx configuration of blueprint's documentation. Build it with `make doc`
# (scripts/build-doc.sh): doxygen writes the headers' documentation as XML, doc/_ext/api_pages.py
# turns it into the API reference's pages (api/), and Sphinx builds everything with every warning
# an error and every cross-reference checked (nitpicky).
project = "blueprint"
author = "the blueprint authors"
copyright = "the blueprint authors, GPL-2.0-only"
# scripts/build-doc.sh gives version and release from CMakeLists.txt's project() (-D).
version = ""
release = ""

extensions = ["breathe"]

root_doc = "index"
exclude_patterns = ["_ext", "doxygen", "generated"]
nitpicky = True
primary_domain = "cpp"
# The pages' literal blocks are YAML, shell sessions and tables: shown as written, not lexed as
# Python (Sphinx's default). Blocks in C++ or CMake say so (code-block).
highlight_language = "none"

# breathe: the doxygen XML that scripts/build-doc.sh writes (-D breathe_projects.blueprint=DIR).
breathe_projects = {"blueprint": ""}
breathe_default_project = "blueprint"
breathe_default_members = ()
breathe_show_include = False

# The signatures in the API reference name types this documentation does not hold: the standard
# library's, ns-3's (Ptr, Time, Packet, ...), Eigen's and Boost's. Sphinx would report each as a
# reference to nothing. Only those references, which breathe writes from the code, are exempt
# (their role is cpp:identifier); a reference written in a page (:cpp:class:, :cpp:func:, :doc:,
# ...) to something that does not exist still fails the build.
nitpick_ignore_regex = [("cpp:identifier", ".*")]

html_theme = "alabaster"
html_title = "blueprint documentation"
html_show_sourcelink = False
