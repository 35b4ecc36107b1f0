package org.encore.app;

import org.encore.data.CancellationToken;
import org.encore.data.DataFormatException;
import org.encore.data.Dataset;
import org.encore.data.LoadOptions;
import org.encore.data.MovieLensLoader;
import org.encore.data.ProgressListener;

import java.io.IOException;
import java.nio.file.Path;

/** How the workbench reads a dataset; the MovieLens reader in the app, something smaller in tests. */
@FunctionalInterface
public interface DatasetOpener {
    DatasetOpener MOVIELENS = (source, progress, cancel) ->
            MovieLensLoader.load(source, LoadOptions.defaults(), progress, cancel);

    Dataset open(Path source, ProgressListener progress, CancellationToken cancel) throws IOException, DataFormatException;
}
