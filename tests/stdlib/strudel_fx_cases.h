/*
 * strudel_fx_cases.h - the library test's cases for superdough's effects on a
 * note (tremolo, phaser, compressor, the distortion's level and algorithm and
 * its functions soft ... chebyshev), six names to a case, with the events
 * Strudel 1.2.6 gives (../shared/oracle). tests/conformance/strudel has two
 * cases of each name on its own. Included in CASES of test_library.c.
 */
/* clang-format off */
    {"0:1", "s(\"bd\").asym(1).chebyshev(2).compressor(\"-20:20:10:.002:.02\").compressorAttack(4).compressorKnee(5).compressorRatio(6)",
         "0 1 compressor=-20 compressorAttack=4 compressorKnee=5 compressorRatio=6 compressorRelease=0.02 distort=2 distorttype=chebyshev distortvol=1 s=bd\n"},
    {"0:1", "s(\"bd\").compressorRelease(1).cubic(2).diode(3).distorttype(\"<fold soft>\").distortvol(5).disttype(\"<fold soft>\")",
         "0 1 compressorRelease=1 distort=3 distorttype=fold distortvol=5 s=bd\n"},
    {"0:1", "s(\"bd\").distvol(1).fold(2).hard(3).ph(4).phasdp(5).phaser(6)",
         "0 1 distort=3 distorttype=hard distortvol=1 phaserdepth=5 phaserrate=6 s=bd\n"},
    {"0:1", "s(\"bd\").phasercenter(1).phaserdepth(2).phaserrate(3).phasersweep(4).phc(5).phd(6)",
         "0 1 phasercenter=5 phaserdepth=6 phaserrate=3 phasersweep=4 s=bd\n"},
    {"0:1", "s(\"bd\").phs(1).sinefold(2).soft(3).trem(4).tremdepth(5).tremolo(6)",
         "0 1 distort=3 distorttype=soft distortvol=1 phasersweep=1 s=bd tremolo=6 tremolodepth=5\n"},
    {"0:1", "s(\"bd\").tremolodepth(1).tremolophase(2).tremoloshape(\"<sine square>\").tremoloskew(4).tremolosync(5).tremphase(6)",
         "0 1 s=bd tremolodepth=1 tremolophase=6 tremoloshape=sine tremoloskew=4 tremolosync=5\n"},
    {"0:1", "s(\"bd\").tremshape(\"<sine square>\").tremskew(2).tremsync(3)",
         "0 1 s=bd tremoloshape=sine tremoloskew=2 tremolosync=3\n"},
    /* tala's shapevol, the key Strudel's shape("0.7:0.5") sets second */
    {"0:1", "s(\"bd\").shape(0.7).shapevol(0.5)",
         "0 1 s=bd shape=0.7 shapevol=0.5\n"},
    {"0:1", "s(\"bd\").shape(\"0.7:0.5\")",
         "0 1 s=bd shape=0.7 shapevol=0.5\n"},
    /* a sample's loop points */
    {"0:1", "s(\"bev\").loop(1).loopBegin(\"0.25 0.5\")",
         "0 1 loop=1 loopBegin=0.25 s=bev\n"},
    {"0:2", "s(\"x*2\").loopBegin(\"<0 0.5>\")",
         "0 1/2 loopBegin=0 s=x\n1/2 1 loopBegin=0 s=x\n1 3/2 loopBegin=0.5 s=x\n3/2 2 loopBegin=0.5 s=x\n"},
    {"0:1", "s(\"bev\").loop(1).loopb(\"0.25 0.5\")",
         "0 1 loop=1 loopBegin=0.25 s=bev\n"},
    {"0:2", "s(\"x\").loopb(\"<0.1 0.2>\")",
         "0 1 loopBegin=0.1 s=x\n1 2 loopBegin=0.2 s=x\n"},
    {"0:1", "s(\"bev\").loop(1).loopEnd(\"0.75 1\")",
         "0 1 loop=1 loopEnd=0.75 s=bev\n"},
    {"0:2", "s(\"x*2\").loopEnd(\"<1 0.5>\")",
         "0 1/2 loopEnd=1 s=x\n1/2 1 loopEnd=1 s=x\n1 3/2 loopEnd=0.5 s=x\n3/2 2 loopEnd=0.5 s=x\n"},
    {"0:1", "s(\"bev\").loop(1).loope(\"0.5 0.9\")",
         "0 1 loop=1 loopEnd=0.5 s=bev\n"},
    {"0:2", "s(\"x\").loope(\"<0.3 0.6>\")",
         "0 1 loopEnd=0.3 s=x\n1 2 loopEnd=0.6 s=x\n"},
    /* clang-format on */
