/*
 * strudel_late_cases.h - the library test's cases for the names added after
 * strudel_fx_cases.h (span functions, superdough's oscillators' controls),
 * with the events Strudel 1.2.6 gives (../shared/oracle).
 * tests/conformance/strudel has two cases of each name on its own. Included
 * in CASES of test_library.c.
 */
/* clang-format off */
    {"0:2", "s(\"a b c d\").compressSpan({begin:0.25, end:0.75})",
         "1/4 3/8 s=a\n3/8 1/2 s=b\n1/2 5/8 s=c\n5/8 3/4 s=d\n5/4 11/8 s=a\n11/8 3/2 s=b\n3/2 13/8 s=c\n13/8 7/4 s=d\n"},
    {"0:1", "s(\"a [b c]\").compressspan({begin:0.5, end:1})",
         "1/2 3/4 s=a\n3/4 7/8 s=b\n7/8 1 s=c\n"},
    {"0:1", "s(\"a b c d\").focusSpan({begin:0.25, end:0.75})",
         "0 1/8 s=c\n1/8 1/4 s=d\n1/4 3/8 s=a\n3/8 1/2 s=b\n1/2 5/8 s=c\n5/8 3/4 s=d\n3/4 7/8 s=a\n7/8 1 s=b\n"},
    {"0:1", "s(\"a b\").focusspan({begin:0, end:0.5})",
         "0 1/4 s=a\n1/4 1/2 s=b\n1/2 3/4 s=a\n3/4 1 s=b\n"},
    {"0:2", "s(\"a b c d\").zoomArc({begin:0.25, end:0.75})",
         "0 1/2 s=b\n1/2 1 s=c\n1 3/2 s=b\n3/2 2 s=c\n"},
    {"0:1", "s(\"a b c d e f\").zoomarc({begin:0.5, end:1})",
         "0 1/3 s=d\n1/3 2/3 s=e\n2/3 1 s=f\n"},
    /* clang-format on */
