package io.storescheduler.adapter.web.shared;

/**
 * The grid classes a day's lanes are laid out with: a lane is a CSS grid of one column per
 * {@link #MINUTES_A_COLUMN} minutes, and a booking names its first column and its span by class
 * ({@code c37 s36}). Classes rather than inline styles keep the page inside its
 * Content-Security-Policy, which allows no inline style.
 */
public final class GridStyles {

    public static final int MINUTES_A_COLUMN = 5;
    /** A day's axis spans at most 30 hours: a store open past midnight shows its night. */
    public static final int MAX_COLUMNS = 30 * 60 / MINUTES_A_COLUMN;

    private GridStyles() {}

    static String css() {
        var css = new StringBuilder();
        for (var n = 1; n <= MAX_COLUMNS; n++) {
            css.append(".cols").append(n).append("{grid-template-columns:repeat(").append(n).append(",minmax(0,1fr))}\n");
            css.append(".c").append(n).append("{grid-column-start:").append(n).append("}\n");
            css.append(".s").append(n).append("{grid-column-end:span ").append(n).append("}\n");
        }
        return css.toString();
    }
}
