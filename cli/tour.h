/*
 * tour.h - the steps of the REPL's :tour (a guided start that plays as it
 * goes).
 */
#ifndef TALA_TOUR_H
#define TALA_TOUR_H

typedef struct {
    const char *title;  /* "Notes" */
    const char *text;   /* what the step teaches */
    const char *code;   /* evaluated in the session when the step is shown */
    const char *listen; /* what to listen for */
} TourStep;

/* How many steps the tour has (10). */
int tour_count(void);
/* Step i, from 1; NULL outside 1..tour_count(). */
const TourStep *tour_step(int i);

#endif
