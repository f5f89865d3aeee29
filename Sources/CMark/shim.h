#include <pthread.h>
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

// cmark-gfm registers its extensions in a global list, which is not safe to do from two threads
// at once (lessons are parsed in parallel): it is done once, before the first parser.
static pthread_once_t mathbook_extensions_registered = PTHREAD_ONCE_INIT;

static void mathbook_register_extensions(void) {
    cmark_gfm_core_extensions_ensure_registered();
}

// A parser that reads GitHub's pipe tables besides CommonMark. cmark-gfm's other extensions
// (autolinks, strikethrough, task lists, tag filter) stay off: lessons are CommonMark plus tables.
static inline cmark_parser *mathbook_parser_with_tables(int options) {
    pthread_once(&mathbook_extensions_registered, mathbook_register_extensions);
    cmark_parser *parser = cmark_parser_new(options);
    cmark_syntax_extension *table = cmark_find_syntax_extension("table");
    if (table != NULL) {
        cmark_parser_attach_syntax_extension(parser, table);
    }
    return parser;
}
