/*
 * strudel_dirt_cases.h - the library test's cases for the controls tala
 * carries in its events for SuperDirt and superdough 1.3 (squiz, octave,
 * the filters' LFO settings, ...), the envelope shorthands (adsr, ad, ds,
 * ar) and control(), nine names to a case, with the events Strudel 1.2.6
 * gives (../shared/oracle). tests/conformance/strudel has two cases of each
 * name on its own. Included in CASES of test_library.c.
 */
/* clang-format off */
    {"0:1", "s(\"bd\").FXr(1).FXrel(2).FXrelease(3).accelerate(4).activeLabel(\"kick\").ad(\".1:.2\").adsr(\".1:.2:.5:.3\").ar(\".1:.2\").bgain(9)",
         "0 1 FXrelease=3 accelerate=4 activeLabel=kick attack=0.1 busgain=9 decay=0.2 release=0.2 s=bd sustain=0.5\n"},
    {"0:1", "s(\"bd\").binshift(1).bpdc(2).bpdepth(3).bpdepthfreq(4).bpdepthfrequency(5).bprate(6).bpshape(7).bpskew(8).bpsync(9)",
         "0 1 binshift=1 bpdc=2 bpdepth=3 bpdepthfrequency=5 bprate=6 bpshape=7 bpskew=8 bpsync=9 s=bd\n"},
    {"0:1", "s(\"bd\").bus(1).busgain(2).chorus(3).comb(4).control(\"74:0.5\").ctlNum(6).ctranspose(7).degree(8).delayspeed(9)",
         "0 1 bus=1 busgain=2 ccn=74 ccv=0.5 chorus=3 comb=4 ctlNum=6 ctranspose=7 degree=8 delayspeed=9 s=bd\n"},
    {"0:1", "s(\"bd\").ds(\".1:.2\").enhance(2).expression(3).fadeOutTime(4).fadeTime(5).frameRate(6).fshift(7).fshiftnote(8).fshiftphase(9)",
         "0 1 decay=0.1 enhance=2 expression=3 fadeTime=5 frameRate=6 fshift=7 fshiftnote=8 fshiftphase=9 s=bd sustain=0.2\n"},
    {"0:1", "s(\"bd\").fxr(1).gat(2).gate(3).harmonic(4).hbrick(5).hold(6).hours(7).hpdc(8).hpdepth(9)",
         "0 1 FXrelease=1 gate=3 harmonic=4 hbrick=5 hold=6 hours=7 hpdc=8 hpdepth=9 s=bd\n"},
    {"0:1", "s(\"bd\").hpdepthfreq(1).hpdepthfrequency(2).hprate(3).hpshape(4).hpskew(5).hpsync(6).kcutoff(7).krush(8).lbrick(9)",
         "0 1 hpdepthfrequency=2 hprate=3 hpshape=4 hpskew=5 hpsync=6 kcutoff=7 krush=8 lbrick=9 s=bd\n"},
    {"0:1", "s(\"bd\").leslie(1).lock(2).lpdc(3).lpdepth(4).lpdepthfreq(5).lpdepthfrequency(6).lprate(7).lpshape(8).lpskew(9)",
         "0 1 leslie=1 lock=2 lpdc=3 lpdepth=4 lpdepthfrequency=6 lprate=7 lpshape=8 lpskew=9 s=bd\n"},
    {"0:1", "s(\"bd\").lpsync(1).lrate(2).lsize(3).midimap(\"default\").minutes(5).mtranspose(6).oct(7).octave(8).octaveR(9)",
         "0 1 lpsync=1 lrate=2 lsize=3 midimap=default minutes=5 mtranspose=6 octave=8 octaveR=9 s=bd\n"},
    {"0:1", "s(\"bd\").octer(1).octersub(2).octersubsub(3).oschost(\"127.0.0.1\").oscport(5).overgain(6).overshape(7).panorient(8).panspan(9)",
         "0 1 octer=1 octersub=2 octersubsub=3 oschost=127.0.0.1 oscport=5 overgain=6 overshape=7 panorient=8 panspan=9 s=bd\n"},
    {"0:1", "s(\"bd\").pansplay(1).panwidth(2).ring(3).ringdf(4).ringf(5).scram(6).semitone(7).smear(8).songPtr(9)",
         "0 1 pansplay=1 panwidth=2 ring=3 ringdf=4 ringf=5 s=bd scram=6 semitone=7 smear=8 songPtr=9\n"},
    {"0:1", "s(\"bd\").squiz(1).stepsPerOctave(2).sustainpedal(3).transient(4).triode(5).tsdelay(6).uid(7).waveloss(8).xsdelay(9)",
         "0 1 s=bd squiz=1 stepsPerOctave=2 sustainpedal=3 transient=4 triode=5 tsdelay=6 uid=7 waveloss=8 xsdelay=9\n"},
    /* more of them, delaysync and dry */
    {"0:1", "s(\"bd\").amp(1).channel(2).delaysync(3).dry(4).dur(5).duration(6)",
         "0 1 amp=1 channel=2 delaysync=3 dry=4 duration=6 s=bd\n"},
    {"0:1", "s(\"bd\").fadeInTime(1).frames(2).freeze(3).label(4).phases(5).seconds(6)",
         "0 1 fadeInTime=1 frames=2 freeze=3 label=4 phases=5 s=bd seconds=6\n"},
    {"0:1", "s(\"bd\").val(1).voice(2)",
         "0 1 s=bd val=1 voice=2\n"},
    /* MIDI: NRPN and polyphonic aftertouch */
    {"0:1", "note(\"c4\").nrpnn(\"1:8\").nrpv(\"123\")",
         "0 1 note=c4 nrpnn=1:8 nrpv=123\n"},
    {"0:2", "note(\"c4 e4\").nrpnn(\"<1:8 2:9>\")",
         "0 1/2 note=c4 nrpnn=1:8\n1/2 1 note=e4 nrpnn=1:8\n1 3/2 note=c4 nrpnn=2:9\n3/2 2 note=e4 nrpnn=2:9\n"},
    {"0:1", "note(\"c4\").nrpnn(\"1:8\").nrpv(\"12 64\")",
         "0 1 note=c4 nrpnn=1:8 nrpv=12\n"},
    {"0:2", "note(\"c4\").nrpv(\"<1:2 3>\")",
         "0 1 note=c4 nrpv=1:2\n1 2 note=c4 nrpv=3\n"},
    {"0:1", "note(\"c3 e3\").polyTouch(\"0.2 0.8\")",
         "0 1/2 note=c3 polyTouch=0.2\n1/2 1 note=e3 polyTouch=0.8\n"},
    {"0:2", "note(\"c3\").polyTouch(\"<0 1>\")",
         "0 1 note=c3 polyTouch=0\n1 2 note=c3 polyTouch=1\n"},
    /* clang-format on */
