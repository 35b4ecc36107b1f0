package org.encore.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The movies block of a {@link DatasetCache} file, stored as columns: the distinct genre names, the distinct genre
 * sets (ml-32m has under two thousand), then per movie its id, year, genre set and title. Decoding then shares one
 * immutable set per combination.
 */
final class CachedMovies {
    private CachedMovies() {
    }

    static byte[] encode(List<Movie> movies) throws IOException {
        Map<String, Integer> genreIndex = new LinkedHashMap<>();
        Map<Set<String>, Integer> comboIndex = new LinkedHashMap<>();
        int[] comboOf = new int[movies.size()];
        for (int i = 0; i < movies.size(); i++) {
            Set<String> genres = movies.get(i).genres();
            for (String genre : genres) {
                genreIndex.putIfAbsent(genre, genreIndex.size());
            }
            Integer combo = comboIndex.get(genres);
            if (combo == null) {
                combo = comboIndex.size();
                comboIndex.put(genres, combo);
            }
            comboOf[i] = combo;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(genreIndex.size());
            for (String genre : genreIndex.keySet()) {
                CacheFileIo.writeLongUtf(out, genre);
            }
            out.writeInt(comboIndex.size());
            for (Set<String> combo : comboIndex.keySet()) {
                out.writeInt(combo.size());
                for (String genre : combo) {
                    out.writeInt(genreIndex.get(genre));
                }
            }
            out.writeInt(movies.size());
            for (int i = 0; i < movies.size(); i++) {
                Movie movie = movies.get(i);
                out.writeInt(movie.id());
                out.writeInt(movie.year());
                out.writeInt(comboOf[i]);
                CacheFileIo.writeLongUtf(out, movie.title());
            }
        }
        return bytes.toByteArray();
    }

    static List<Movie> decode(ByteBuffer in) throws IOException {
        try {
            int genreCount = in.getInt();
            checkCount(genreCount, in);
            String[] genres = new String[genreCount];
            for (int g = 0; g < genreCount; g++) {
                genres[g] = utf8(in);
            }
            int comboCount = in.getInt();
            checkCount(comboCount, in);
            List<Set<String>> combos = new ArrayList<>(comboCount);
            for (int c = 0; c < comboCount; c++) {
                int size = in.getInt();
                checkCount(size, in);
                Set<String> combo = new LinkedHashSet<>();
                for (int g = 0; g < size; g++) {
                    combo.add(genres[in.getInt()]);
                }
                combos.add(Set.copyOf(combo));
            }
            int movieCount = in.getInt();
            checkCount(movieCount, in);
            List<Movie> movies = new ArrayList<>(movieCount);
            for (int i = 0; i < movieCount; i++) {
                movies.add(decodeMovie(in, combos));
            }
            return movies;
        } catch (RuntimeException e) {
            throw new IOException("bad movies block: " + e, e);
        }
    }

    /**
     * One movie. A method of its own so that the JIT compiles it after a few hundred calls; as the body of the
     * loop it would run interpreted for the first 60,000 iterations, a quarter of a second for ml-32m.
     */
    private static Movie decodeMovie(ByteBuffer in, List<Set<String>> combos) throws IOException {
        int id = in.getInt();
        int year = in.getInt();
        Set<String> combo = combos.get(in.getInt());
        return new Movie(id, utf8(in), year, combo);
    }

    private static void checkCount(int count, ByteBuffer in) throws IOException {
        if (count < 0 || count > in.remaining()) {
            throw new IOException("bad count " + count);
        }
    }

    private static String utf8(ByteBuffer in) throws IOException {
        int length = in.getInt();
        checkCount(length, in);
        String text = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return text;
    }
}
