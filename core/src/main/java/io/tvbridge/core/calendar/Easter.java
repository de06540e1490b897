package io.tvbridge.core.calendar;

import java.time.LocalDate;

/** Western (Gregorian) Easter Sunday, which fixes Good Friday. */
final class Easter {

    private Easter() {
    }

    /**
     * Easter Sunday of a Gregorian year, by the anonymous Gregorian computus (Meeus/Jones/Butcher): the
     * first Sunday after the ecclesiastical full moon on or after March 21, always March 22 to April 25.
     */
    static LocalDate sunday(int year) {
        if (year < 1583) {
            throw new IllegalArgumentException("the Gregorian computus starts in 1583: " + year);
        }
        int metonicYear = year % 19;
        int century = year / 100;
        int yearOfCentury = year % 100;
        int leapCenturies = century / 4;
        int centuryInCycle = century % 4;
        int lunarCorrection = (century - (century + 8) / 25 + 1) / 3;
        int epact = (19 * metonicYear + century - leapCenturies - lunarCorrection + 15) % 30;
        int weekdayOffset = (32 + 2 * centuryInCycle + 2 * (yearOfCentury / 4) - epact - yearOfCentury % 4) % 7;
        int lateCorrection = (metonicYear + 11 * epact + 22 * weekdayOffset) / 451;
        int daysFromMarch = epact + weekdayOffset - 7 * lateCorrection + 114;
        return LocalDate.of(year, daysFromMarch / 31, daysFromMarch % 31 + 1);
    }
}
