package org.encore.data;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes a MovieLens-format release ({@code ratings.csv}, {@code movies.csv}) with planted structure.
 * <p>
 * Every user belongs to one of the {@link TasteGroup#PLANTED} groups. A movie's affinity to a group mixes how many
 * of its genres the group likes with how close its year is to the group's era. Users mostly pick movies of high
 * affinity (weighted by a long-tailed popularity) and rate them by affinity plus a user bias, a movie quality and
 * noise, in half stars. Activity (ratings per user) is log-normal with a floor of
 * {@link GeneratorSettings#minRatingsPerUser()}; the total is exactly {@link GeneratorSettings#ratings()}.
 * <p>
 * The same settings give the same bytes: movies come from one seeded stream, each user from a stream of its own
 * (seed and user index), so users are generated and written one at a time in bounded memory. The movies are
 * {@link SyntheticCatalogue}; the seeded streams and normal draws {@link SeededRandom}.
 */
public final class SyntheticGenerator {
    private static final Logger LOG = LoggerFactory.getLogger(SyntheticGenerator.class);

    static final List<TasteGroup> GROUPS = TasteGroup.PLANTED;

    /** Ratings are dated between these instants (ml-32m's range, roughly). */
    static final long FIRST_RATING = LocalDate.of(1996, 1, 1).toEpochSecond(LocalTime.MIDNIGHT, ZoneOffset.UTC);
    static final long LAST_RATING = LocalDate.of(2023, 10, 12).toEpochSecond(LocalTime.MIDNIGHT, ZoneOffset.UTC);
    private static final long DAY = SyntheticCatalogue.DAY;

    // Rating model: mean = BASE + SPREAD * affinity + user bias + movie quality, plus Gaussian noise.
    private static final double BASE = 2.35;
    private static final double SPREAD = 2.1;
    private static final double USER_BIAS_SD = 0.3;
    private static final double NOISE_SD = 0.55;
    /** Picking weight = popularity x exp(PICK * affinity): users mostly watch what suits them. */
    private static final double PICK = 3.0;
    private static final double WHOLE_STAR_USERS = 0.25;
    private static final int TRIES_BEFORE_PROBING = 24;

    private static final byte[][] RATING_TEXT = new byte[11][];

    static {
        for (int half = 1; half <= 10; half++) {
            RATING_TEXT[half] = ((half / 2) + (half % 2 == 0 ? ".0" : ".5")).getBytes(StandardCharsets.US_ASCII);
        }
    }

    private final GeneratorSettings settings;
    private final Movie[] movies;
    private final String[] genreFields;
    private final float[][] affinity;
    private final float[] quality;
    private final long[] earliestRating;
    private final double[][] pickCumulative;
    private final int[] ratingsPerUser;
    private final double[] groupCumulative;

    /** The outcome of {@link #writeTo}. */
    public record Result(int users, int movies, long ratings, long ratingsBytes, long moviesBytes, long millis) {
    }

    public SyntheticGenerator(GeneratorSettings settings) {
        this.settings = settings;
        int n = settings.movies();
        SyntheticCatalogue catalogue = new SyntheticCatalogue(settings);
        movies = catalogue.movies;
        genreFields = catalogue.genreFields;
        quality = catalogue.quality;
        earliestRating = catalogue.earliestRating;
        double[] popularity = catalogue.popularity;
        affinity = new float[GROUPS.size()][n];
        pickCumulative = new double[GROUPS.size()][n];
        for (int g = 0; g < GROUPS.size(); g++) {
            double sum = 0;
            for (int m = 0; m < n; m++) {
                affinity[g][m] = (float) GROUPS.get(g).affinity(movies[m]);
                sum += popularity[m] * StrictMath.exp(PICK * affinity[g][m]);
                pickCumulative[g][m] = sum;
            }
        }
        groupCumulative = new double[GROUPS.size()];
        double shares = 0;
        for (int g = 0; g < GROUPS.size(); g++) {
            shares += GROUPS.get(g).share();
            groupCumulative[g] = shares;
        }
        ratingsPerUser = activity(settings);
    }

    public GeneratorSettings settings() {
        return settings;
    }

    /** The movies of movies.csv, in id order. */
    public List<Movie> movies() {
        return List.of(movies);
    }

    /** Index in {@link TasteGroup#PLANTED} of the group of user {@code userId} (1-based, as written). */
    public int groupOfUser(int userId) {
        return profile(userId - 1).group;
    }

    /** How many ratings user {@code userId} gets. */
    public int ratingsOfUser(int userId) {
        return ratingsPerUser[userId - 1];
    }


    /** Writes ratings.csv and movies.csv into {@code dir} (created if needed), each atomically. */
    public Result writeTo(Path dir, ProgressListener progress, CancellationToken cancel) throws IOException {
        long start = System.nanoTime();
        Files.createDirectories(dir);
        long[] moviesBytes = new long[1];
        AtomicFiles.write(dir.resolve("movies.csv"), out -> {
            CsvByteWriter w = new CsvByteWriter(out, 1 << 16);
            writeMovies(w);
            w.flush();
            moviesBytes[0] = w.bytesWritten();
        });
        long[] ratingsBytes = new long[1];
        AtomicFiles.write(dir.resolve("ratings.csv"), out -> {
            CsvByteWriter w = new CsvByteWriter(out, 1 << 20);
            writeRatings(w, progress, cancel);
            w.flush();
            ratingsBytes[0] = w.bytesWritten();
        });
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.info("generated {} ratings of {} users on {} movies in {} ms", settings.ratings(), settings.users(),
                settings.movies(), millis);
        return new Result(settings.users(), settings.movies(), settings.ratings(), ratingsBytes[0], moviesBytes[0], millis);
    }

    void writeMovies(CsvByteWriter w) throws IOException {
        w.writeAscii("movieId,title,genres\n");
        for (int m = 0; m < movies.length; m++) {
            w.writeLong(movies[m].id());
            w.writeByte(',');
            w.writeField(movies[m].displayTitle());
            w.writeByte(',');
            w.writeAscii(genreFields[m]);
            w.writeByte('\n');
        }
    }

    void writeRatings(CsvByteWriter w, ProgressListener progress, CancellationToken cancel) throws IOException {
        w.writeAscii("userId,movieId,rating,timestamp\n");
        int n = movies.length;
        byte[][] idText = new byte[n][];
        for (int m = 0; m < n; m++) {
            idText[m] = (movies[m].id() + ",").getBytes(StandardCharsets.US_ASCII);
        }
        // Users are independent (each has its own random stream), so blocks of them are made on all cores and
        // written in order: the bytes do not depend on the thread count. A few blocks in flight bound the memory.
        int threads = Math.min(MAX_THREADS, Parallel.threads());
        int blocks = (settings.users() + USERS_PER_BLOCK - 1) / USERS_PER_BLOCK;
        ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(() -> new Scratch(n, settings.maxRatingsPerUser()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread t = new Thread(task, "encore-generator");
            t.setDaemon(true);
            return t;
        });
        ArrayDeque<Future<Block>> pending = new ArrayDeque<>();
        long done = 0;
        try {
            int next = 0;
            while (next < blocks || !pending.isEmpty()) {
                while (next < blocks && pending.size() < 2 * threads) {
                    int from = next * USERS_PER_BLOCK;
                    int to = Math.min(settings.users(), from + USERS_PER_BLOCK);
                    pending.add(pool.submit(() -> makeBlock(from, to, idText, scratch.get())));
                    next++;
                }
                cancel.throwIfCancelled();
                Block block = pending.poll().get();
                w.writeBytes(block.bytes(), 0, block.length());
                done += block.ratings();
                progress.progress(done, settings.ratings());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while generating ratings", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException("generating ratings failed: " + cause, cause);
        } finally {
            pool.shutdownNow();
        }
    }

    private static final int USERS_PER_BLOCK = 512;
    private static final int MAX_THREADS = 8;

    /** Per-thread work arrays: which movies the current user has picked (by stamp), and the picks. */
    private static final class Scratch {
        final int[] seenBy;
        final int[] chosen;

        Scratch(int movies, int maxPerUser) {
            seenBy = new int[movies];
            chosen = new int[maxPerUser];
        }
    }

    /** The CSV lines of some users. */
    private record Block(byte[] bytes, int length, long ratings) {
    }

    /** A byte sink whose array is handed over without a copy. */
    private static final class ByteSink extends ByteArrayOutputStream {
        ByteSink(int size) {
            super(size);
        }

        Block toBlock(long ratings) {
            return new Block(buf, count, ratings);
        }
    }

    private Block makeBlock(int fromUser, int toUser, byte[][] idText, Scratch scratch) throws IOException {
        long ratings = 0;
        for (int u = fromUser; u < toUser; u++) {
            ratings += ratingsPerUser[u];
        }
        ByteSink sink = new ByteSink((int) Math.min(Integer.MAX_VALUE - 16, ratings * 30 + 64));
        CsvByteWriter w = new CsvByteWriter(sink, 1 << 16);
        int n = movies.length;
        int[] seenBy = scratch.seenBy;
        int[] chosen = scratch.chosen;
        for (int u = fromUser; u < toUser; u++) {
            UserProfile user = profile(u);
            SplittableRandom rng = user.rng;
            int count = ratingsPerUser[u];
            double[] cumulative = pickCumulative[user.group];
            double total = cumulative[n - 1];
            int stamp = u + 1;
            for (int k = 0; k < count; k++) {
                int pick = -1;
                for (int tries = 0; tries < TRIES_BEFORE_PROBING && pick < 0; tries++) {
                    int m = firstAbove(cumulative, rng.nextDouble() * total);
                    if (seenBy[m] != stamp) {
                        pick = m;
                    }
                }
                if (pick < 0) {
                    // Heavy users exhaust their favourites: take the next unseen movie from a random place.
                    pick = rng.nextInt(n);
                    while (seenBy[pick] == stamp) {
                        pick = pick + 1 == n ? 0 : pick + 1;
                    }
                }
                seenBy[pick] = stamp;
                chosen[k] = pick;
            }
            Arrays.sort(chosen, 0, count);
            float[] groupAffinity = affinity[user.group];
            byte[] userText = (Integer.toString(u + 1) + ",").getBytes(StandardCharsets.US_ASCII);
            for (int k = 0; k < count; k++) {
                int m = chosen[k];
                double mean = BASE + SPREAD * groupAffinity[m] + user.bias + quality[m];
                double value = mean + SeededRandom.gaussian(rng) * NOISE_SD;
                int half = user.wholeStars ? 2 * (int) Math.round(clamp(value, 1, 5)) : (int) Math.round(clamp(value, 0.5, 5) * 2);
                long time = user.firstRating + (long) (rng.nextDouble() * (user.lastRating - user.firstRating));
                if (time < earliestRating[m]) {
                    long room = Math.min(LAST_RATING - earliestRating[m], 3 * 365 * DAY);
                    time = earliestRating[m] + (long) (rng.nextDouble() * room);
                }
                w.writeBytes(userText);
                w.writeBytes(idText[m]);
                w.writeBytes(RATING_TEXT[half]);
                w.writeByte(',');
                w.writeLong(time);
                w.writeByte('\n');
            }
        }
        w.flush();
        return sink.toBlock(ratings);
    }

    private static final class UserProfile {
        SplittableRandom rng;
        int group;
        double bias;
        boolean wholeStars;
        long firstRating;
        long lastRating;
    }

    private UserProfile profile(int userIndex) {
        UserProfile p = new UserProfile();
        p.rng = new SplittableRandom(SeededRandom.mix(settings.seed(), 0x7573657273L + userIndex));
        double g = p.rng.nextDouble() * groupCumulative[groupCumulative.length - 1];
        p.group = 0;
        while (p.group < groupCumulative.length - 1 && g >= groupCumulative[p.group]) {
            p.group++;
        }
        p.bias = SeededRandom.gaussian(p.rng) * USER_BIAS_SD;
        p.wholeStars = p.rng.nextDouble() < WHOLE_STAR_USERS;
        p.firstRating = FIRST_RATING + (long) (p.rng.nextDouble() * (LAST_RATING - 30 * DAY - FIRST_RATING));
        // Most users rate in a burst; some keep coming back for years.
        long span = (long) (-StrictMath.log(1 - p.rng.nextDouble()) * 400 * DAY);
        p.lastRating = Math.min(LAST_RATING, p.firstRating + DAY + span);
        return p;
    }

    /** Ratings per user: the floor plus a log-normal share of the rest, capped, summing exactly to the total. */
    private static int[] activity(GeneratorSettings s) {
        SplittableRandom rng = new SplittableRandom(SeededRandom.mix(s.seed(), 0x6163746976L));
        int users = s.users();
        int floor = s.minRatingsPerUser();
        int cap = s.maxRatingsPerUser();
        double[] weight = new double[users];
        double sum = 0;
        for (int u = 0; u < users; u++) {
            weight[u] = StrictMath.exp(1.45 * SeededRandom.gaussian(rng));
            sum += weight[u];
        }
        long extra = s.ratings() - (long) users * floor;
        int[] counts = new int[users];
        long assigned = 0;
        for (int u = 0; u < users; u++) {
            long share = (long) Math.floor(extra * (weight[u] / sum));
            counts[u] = (int) Math.min(cap, floor + share);
            assigned += counts[u];
        }
        long remaining = s.ratings() - assigned;
        for (long attempts = 4 * remaining + 16; remaining > 0 && attempts > 0; attempts--) {
            int u = rng.nextInt(users);
            if (counts[u] < cap) {
                counts[u]++;
                remaining--;
            }
        }
        for (int u = 0; remaining > 0; u = (u + 1) % users) {
            int add = (int) Math.min(remaining, cap - counts[u]);
            counts[u] += add;
            remaining -= add;
        }
        return counts;
    }

    /** First index whose cumulative weight exceeds {@code x}. */
    private static int firstAbove(double[] cumulative, double x) {
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private static double clamp(double v, double lo, double hi) {
        return v < lo ? lo : Math.min(v, hi);
    }
}
