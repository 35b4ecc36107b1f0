package org.encore.app.dataset;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import org.encore.app.BackgroundTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

/**
 * One table's rows for one dataset, filtered and sorted on the background executor and shown as a new list each
 * time (the table's items are bound to {@link #shownProperty}). At ml-32m a table's own sort of 87,585 movies or
 * 200,948 users by a column's comparator, or a refilter through a FilteredList and SortedList, held the FX thread
 * for seconds; here the FX thread only swaps the finished list in. Only the newest request's result is shown.
 * Call on the UI thread.
 *
 * @param <R> a table row
 */
final class TableRows<R> {
    private static final Logger LOG = LoggerFactory.getLogger(TableRows.class);

    private final Executor background;
    private final Executor ui;
    private final Runnable onShown;
    private final ReadOnlyObjectWrapper<ObservableList<R>> shown = new ReadOnlyObjectWrapper<>(this, "shown",
            new SortedList<>(FXCollections.observableArrayList()));
    private List<R> all = List.of();
    /** Null: every row. */
    private Predicate<? super R> filter;
    /** Null: the rows' own order. */
    private Comparator<? super R> order;
    private long requests;
    private boolean replacing;

    /**
     * @param background where rows are filtered and sorted
     * @param ui         the UI thread's executor
     * @param onShown    run on the UI thread after each new list is shown
     */
    TableRows(Executor background, Executor ui, Runnable onShown) {
        this.background = background;
        this.ui = ui;
        this.onShown = onShown;
    }

    /** A new dataset's rows (not copied: never change them), shown through {@code newFilter} in the current order. */
    void setRows(List<R> rows, Predicate<? super R> newFilter) {
        all = rows;
        filter = newFilter;
        refresh();
    }

    /** No rows (no dataset open), shown at once; a filter or sort on the way is dropped. */
    void clear() {
        requests++;
        all = List.of();
        show(new SortedList<>(FXCollections.observableArrayList()));
    }

    /** Shows the rows that pass {@code newFilter} (null: all). */
    void filter(Predicate<? super R> newFilter) {
        filter = newFilter;
        refresh();
    }

    /** Shows the rows in {@code newOrder} (null: their own order), e.g. a table's comparator after a header click. */
    void sort(Comparator<? super R> newOrder) {
        order = newOrder;
        refresh();
    }

    private void refresh() {
        long request = ++requests;
        List<R> rows = all;
        Predicate<? super R> keep = filter;
        Comparator<? super R> by = order;
        // a SortedList (without a comparator: the rows are sorted already) because a TableView clears its sort order
        // when its items are replaced by any other kind of list
        BackgroundTask.wrap(() -> new SortedList<>(FXCollections.observableArrayList(select(rows, keep, by))))
                .onSuccess(result -> {
                    if (request == requests) {
                        show(result);
                    }
                })
                .onFailure(e -> {
                    // a table's comparator reads its columns' sort types as it goes: a second header click during
                    // a sort can break the sort's contract; the newer request shows its own result
                    if (request == requests) {
                        LOG.warn("cannot filter or sort the table's rows", e);
                    }
                })
                .executeWith(background, ui);
    }

    private void show(ObservableList<R> rows) {
        replacing = true;
        try {
            shown.set(rows);
        } finally {
            replacing = false;
        }
        onShown.run();
    }

    /** The rows of {@code rows} that pass {@code keep} (null: all), sorted by {@code by} (null: as they are). */
    static <R> List<R> select(List<R> rows, Predicate<? super R> keep, Comparator<? super R> by) {
        List<R> selected = new ArrayList<>(rows.size());
        for (R row : rows) {
            if (keep == null || keep.test(row)) {
                selected.add(row);
            }
        }
        if (by != null) {
            selected.sort(by);
        }
        return selected;
    }

    /** The rows shown now; a new list after each change. */
    ObservableList<R> shown() {
        return shown.get();
    }

    ReadOnlyObjectProperty<ObservableList<R>> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** Every row of the dataset, filtered or not. */
    List<R> all() {
        return all;
    }

    /** True while the shown list is being replaced: a table's selection is cleared then, and restored after. */
    boolean replacing() {
        return replacing;
    }
}
