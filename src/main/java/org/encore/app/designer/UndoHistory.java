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
        if (undo.isEmpty()) {
            return null;
        }
        redo.push(current);
        lastField = null;
        S previous = undo.pop();
        update();
        return previous;
    }

    S redo(S current) {
        if (redo.isEmpty()) {
            return null;
        }
        undo.push(current);
        lastField = null;
        S next = redo.pop();
        update();
        return next;
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
