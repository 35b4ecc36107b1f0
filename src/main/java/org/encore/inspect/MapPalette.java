package org.encore.inspect;

/**
 * The colours of a latent map's legend, shared by the CLI's PNG and the window: a categorical palette
 * (matplotlib's tab20) for genres, viridis for the ordered labels (decades, activity, rating bins), grey for the
 * "(none)" label. Colours are 0xRRGGBB.
 */
public final class MapPalette {
    private static final int[] CATEGORICAL = {
            0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf,
            0xaec7e8, 0xffbb78, 0x98df8a, 0xff9896, 0xc5b0d5, 0xc49c94, 0xf7b6d2, 0xc7c7c7, 0xdbdb8d, 0x9edae5};
    /** Viridis at nine stops. */
    private static final int[] SEQUENTIAL = {
            0x440154, 0x472d7b, 0x3b528b, 0x2c728e, 0x21918c, 0x28ae80, 0x5ec962, 0xaddc30, 0xfde725};
    private static final int NONE = 0xb0b0b0;

    private MapPalette() {
    }

    /** One colour per entry of {@code map.legend()}. */
    public static int[] legendColours(LatentMap map) {
        int n = map.legend().size();
        int[] colours = new int[n];
        boolean ordered = map.colouring() != Colouring.GENRE;
        for (int i = 0; i < n; i++) {
            if (map.legend().get(i).startsWith("(")) {
                colours[i] = NONE;
            } else if (ordered) {
                double f = n == 1 ? 0.5 : (double) i / (n - 1);
                colours[i] = SEQUENTIAL[(int) Math.round(f * (SEQUENTIAL.length - 1))];
            } else {
                colours[i] = CATEGORICAL[i % CATEGORICAL.length];
            }
        }
        return colours;
    }
}
