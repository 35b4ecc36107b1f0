package org.encore.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.encore.data.LoaderTestFiles.STRICT_NO_CACHE;
import static org.encore.data.LoaderTestFiles.load;
import static org.encore.data.LoaderTestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Each MovieLens layout, encoding and line ending, from a folder and from a zip. */
class FormatsTest {
    @TempDir
    Path dir;

    private static final String ML1M_MOVIES = "1::Toy Story (1995)::Animation|Children's|Comedy\n"
            + "73::Misérables, Les (1995)::Drama|Musical\n"
            + "3::Grumpier Old Men (1995)::Comedy|Romance\n";

    @Test
    void ml1mDoubleColonFilesWithLatin1Titles() throws Exception {
        Path release = dir.resolve("ml-1m");
        write(release.resolve("ratings.dat"), "1::1::5::978300760\n1::73::3::978302109\n2::3::4::978298413\n");
        write(release.resolve("movies.dat"), ML1M_MOVIES, StandardCharsets.ISO_8859_1);
        write(release.resolve("users.dat"), "1::F::1::10::48067\n");
        Dataset dataset = load(release, STRICT_NO_CACHE);
        assertEquals("ml-1m", dataset.release());
        assertEquals(3, dataset.ratings().ratingCount());
        assertEquals(2, dataset.ratings().userCount());
        Movie miserables = dataset.movie(73);
        assertEquals("Misérables, Les", miserables.title());
        assertEquals(1995, miserables.year());
        assertEquals(Set.of("Drama", "Musical"), miserables.genres());
        assertEquals(Set.of("Animation", "Children's", "Comedy"), dataset.movie(1).genres());
        RatingMatrix m = dataset.ratings();
        assertEquals(5.0f, m.rating(m.users().indexOf(1), m.movies().indexOf(1)));
    }

    @Test
    void ml10mHalfStarsAndItsFolderName() throws Exception {
        Path release = dir.resolve("ml-10M100K");
        write(release.resolve("ratings.dat"), "1::122::5::838985046\n1::185::4.5::838983525\n");
        write(release.resolve("movies.dat"), "122::Boomerang (1992)::Comedy|Romance\n185::Net, The (1995)::Action\n");
        Dataset dataset = load(release, STRICT_NO_CACHE);
        assertEquals("ml-10m", dataset.release());
        RatingMatrix m = dataset.ratings();
        assertEquals(4.5f, m.rating(0, m.movies().indexOf(185)));
        assertEquals("Net, The", dataset.movie(185).title());
    }

    private static String itemLine(int id, String title, String date, int... genreFlags) {
        StringBuilder line = new StringBuilder(id + "|" + title + "|" + date + "||http://us.imdb.com/x");
        int[] flags = new int[19];
        for (int g : genreFlags) {
            flags[g] = 1;
        }
        for (int flag : flags) {
            line.append('|').append(flag);
        }
        return line.append('\n').toString();
    }

    @Test
    void ml100kTabsPipesGenreFlagsAndLatin1() throws Exception {
        Path release = dir.resolve("ml-100k");
        write(release.resolve("u.data"), "196\t242\t3\t881250949\n186\t302\t3\t891717742\n196\t267\t1\t875692955\n");
        write(release.resolve("u.item"), itemLine(242, "Kolya (1996)", "24-Jan-1997", 5)
                + itemLine(302, "L.A. Confidential (1997)", "01-Jan-1997", 6, 10, 13, 16)
                + itemLine(267, "unknown", "", 0)
                + itemLine(1000, "Café au lait", "01-Jan-1994", 5), StandardCharsets.ISO_8859_1);
        Dataset dataset = load(release, STRICT_NO_CACHE);
        assertEquals("ml-100k", dataset.release());
        assertEquals(3, dataset.ratings().ratingCount());
        assertEquals(Set.of("Crime", "Film-Noir", "Mystery", "Thriller"), dataset.movie(302).genres());
        assertEquals(Set.of(), dataset.movie(267).genres(), "the 'unknown' genre flag means no genre");
        Movie cafe = dataset.movie(1000);
        assertEquals("Café au lait", cafe.title());
        assertEquals(1994, cafe.year(), "year from the release date when the title has none");
        assertEquals(4, dataset.movies().size());
    }

    @Test
    void ml100kGenreNamesComeFromUGenre() throws Exception {
        Path release = dir.resolve("some-folder");
        write(release.resolve("u.data"), "1\t1\t4\t881250949\n");
        StringBuilder genres = new StringBuilder();
        for (int g = 0; g < 19; g++) {
            genres.append("G").append(g).append('|').append(g).append('\n');
        }
        write(release.resolve("u.genre"), genres.toString());
        write(release.resolve("u.item"), itemLine(1, "Toy Story (1995)", "01-Jan-1995", 3, 4));
        Dataset dataset = load(release, STRICT_NO_CACHE);
        assertEquals("ml-100k", dataset.release());
        assertEquals(Set.of("G3", "G4"), dataset.movie(1).genres());
    }

    @Test
    void crlfAndLfGiveTheSameDataset() throws Exception {
        String ratings = "userId,movieId,rating,timestamp\n1,1,4.0,964982703\n1,3,4.0,964981247\n2,1,0.5,964982224\n";
        String movies = "movieId,title,genres\n1,Toy Story (1995),Adventure|Animation\n"
                + "3,\"Grumpier Old Men, The \"\"Sequel\"\" (1995)\",Comedy|Romance\n";
        Path lf = dir.resolve("lf");
        write(lf.resolve("ratings.csv"), ratings);
        write(lf.resolve("movies.csv"), movies);
        Path crlf = dir.resolve("crlf");
        write(crlf.resolve("ratings.csv"), ratings.replace("\n", "\r\n"));
        write(crlf.resolve("movies.csv"), movies.replace("\n", "\r\n"));
        Dataset a = load(lf, STRICT_NO_CACHE);
        Dataset b = load(crlf, STRICT_NO_CACHE);
        MovieLensSmallTest.assertSameMatrix(a.ratings(), b.ratings());
        assertEquals(a.movies(), b.movies());
        assertEquals("Grumpier Old Men, The \"Sequel\"", b.movie(3).title());
        assertEquals(1995, b.movie(3).year());
    }

    @Test
    void zipWithTopFolderEqualsTheFolder() throws Exception {
        String ratings = "userId,movieId,rating,timestamp\n5,10,2.5,1\n3,10,4.0,2\n3,7,5.0,3\n";
        String movies = "movieId,title,genres\n7,Seven (1995),Thriller\n10,GoldenEye (1995),Action\n";
        Path folder = dir.resolve("ml-latest");
        write(folder.resolve("ratings.csv"), ratings);
        write(folder.resolve("movies.csv"), movies);
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("ml-latest/", "");
        entries.put("ml-latest/movies.csv", movies);
        entries.put("ml-latest/ratings.csv", ratings);
        Path zip = LoaderTestFiles.zip(dir.resolve("download.zip"), entries);
        Dataset fromFolder = load(folder, STRICT_NO_CACHE);
        Dataset fromZip = load(zip, STRICT_NO_CACHE);
        assertEquals("ml-latest", fromFolder.release());
        assertEquals("ml-latest", fromZip.release());
        MovieLensSmallTest.assertSameMatrix(fromFolder.ratings(), fromZip.ratings());
        assertEquals(fromFolder.movies(), fromZip.movies());
        assertEquals(zip, fromZip.source());
    }

    @Test
    void folderHoldingOneReleaseFolderIsOpened() throws Exception {
        Path parent = dir.resolve("downloads");
        write(parent.resolve("ml-latest-small/ratings.csv"), "userId,movieId,rating,timestamp\n1,1,4.0,5\n");
        Dataset dataset = load(parent, STRICT_NO_CACHE);
        assertEquals("ml-latest-small", dataset.release());
        assertEquals(1, dataset.ratings().ratingCount());
    }

    @Test
    void unsortedRowsAreSortedByMovie() throws Exception {
        Path release = dir.resolve("x");
        write(release.resolve("ratings.csv"), "userId,movieId,rating,timestamp\n9,30,1.0,1\n2,20,2.0,2\n9,10,3.0,3\n"
                + "2,5,4.0,4\n9,20,5.0,5\n");
        RatingMatrix m = load(release, STRICT_NO_CACHE).ratings();
        assertEquals(List.of(2, 9), List.of(m.users().idAt(0), m.users().idAt(1)));
        int row = m.users().indexOf(9);
        int[] ids = new int[m.rowLength(row)];
        float[] values = new float[ids.length];
        for (int p = m.rowStart(row), i = 0; p < m.rowEnd(row); p++, i++) {
            ids[i] = m.movies().idAt(m.columnAt(p));
            values[i] = m.ratingAt(p);
        }
        assertEquals("[10, 20, 30]", java.util.Arrays.toString(ids));
        assertEquals("[3.0, 5.0, 1.0]", java.util.Arrays.toString(values));
    }

    @Test
    void parseMovieSplitsYearAndGenres() {
        Movie plain = MovieLensLoader.parseMovie(1, "Heat (1995)", "Action|Crime|Thriller");
        assertEquals("Heat", plain.title());
        assertEquals(1995, plain.year());
        assertEquals(Set.of("Action", "Crime", "Thriller"), plain.genres());
        Movie range = MovieLensLoader.parseMovie(2, "Fawlty Towers (1975–1979)", "Comedy");
        assertEquals("Fawlty Towers", range.title());
        assertEquals(1975, range.year());
        Movie none = MovieLensLoader.parseMovie(3, "Babylon 5", "(no genres listed)");
        assertFalse(none.hasYear());
        assertEquals(Set.of(), none.genres());
        Movie parenthesesNotYear = MovieLensLoader.parseMovie(4, "Nine Lives (Nueve vidas)", "Drama");
        assertEquals("Nine Lives (Nueve vidas)", parenthesesNotYear.title());
    }
}
