package org.encore.app.designer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Undo and redo of whole states. Consecutive edits of the same field merge into one step, so that typing
 * "1024" is undone at once.
 */
final class UndoHistory<S> {
    private static final int LIMIT = 200;
    private final Deque<S> undo = new ArrayDeque<>();
    private final Deque<S> redo = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private String lastField;

    /** Records {@code before}, the state an edit of {@code field} (null: never merged) is about to replace. */
    void record(S before, String field) {
        if (field == null || !field.equals(lastField) || undo.isEmpty()) {
            undo.push(before);
            if (undo.size() > LIMIT) {
                undo.removeLast();
            }
        }
        lastField = field;
        redo.clear();
        update();
    }

    /** The state to go back to, given the current one; null when there is none. */
    S undo(S current) {
        return step(undo, redo, current);
    }

    S redo(S current) {
        return step(redo, undo, current);
    }

    /** Takes the state on top of {@code from}, leaving {@code current} on {@code to} to step back again. */
    private S step(Deque<S> from, Deque<S> to, S current) {
        if (from.isEmpty()) {
            return null;
        }
        to.push(current);
        lastField = null;
        S target = from.pop();
        update();
        return target;
    }

    /** Ends merging: the next edit starts a new step. */
    void breakMerge() {
        lastField = null;
    }

    private void update() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
    }

    ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }
}
