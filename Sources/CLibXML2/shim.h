#ifndef TRANSPARENCIA_CLIBXML2_SHIM_H
#define TRANSPARENCIA_CLIBXML2_SHIM_H

// xmlversion.h must come first so the ICU switch can be turned off before any other libxml2
// header pulls in unicode/*.h, whose symbols clash with the ICU that Foundation bundles.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/xmlerror.h>

/// Calls libxml2's `xmlFree`, which is a global function-pointer variable that Swift 6 treats as
/// shared mutable state.
static inline void transparencia_xml_free(void *pointer) {
    xmlFree(pointer);
}

#endif
