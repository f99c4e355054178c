package dev.orderflow.jmeter.threads.gui;

import java.util.ArrayList;
import java.util.List;

import javax.swing.table.AbstractTableModel;

import dev.orderflow.jmeter.threads.shape.ShapeSettings.StageText;

/** The editable rows of the stages table: until (s) · users · spawn rate, each a text. */
final class StagesTableModel extends AbstractTableModel {

    private static final long serialVersionUID = 1L;

    private final List<StageText> rows = new ArrayList<>();

    List<StageText> rows() {
        return List.copyOf(rows);
    }

    void setRows(List<StageText> newRows) {
        rows.clear();
        rows.addAll(newRows);
        fireTableDataChanged();
    }

    /** Adds a row after the last one: a minute later, with the same users and rate. */
    void addRow() {
        StageText last = rows.isEmpty() ? new StageText("0", "10", "1") : rows.get(rows.size() - 1);
        String until;
        try {
            until = Long.toString(Long.parseLong(last.until().trim()) + 60);
        } catch (NumberFormatException e) {
            until = "";
        }
        rows.add(new StageText(until, last.users(), last.spawnRate()));
        fireTableRowsInserted(rows.size() - 1, rows.size() - 1);
    }

    void removeRow(int row) {
        if (row >= 0 && row < rows.size()) {
            rows.remove(row);
            fireTableRowsDeleted(row, row);
        }
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }

    @Override
    public int getColumnCount() {
        return StageColumn.values().length;
    }

    @Override
    public String getColumnName(int column) {
        return StageColumn.at(column).label();
    }

    @Override
    public Class<?> getColumnClass(int column) {
        return String.class;
    }

    @Override
    public boolean isCellEditable(int row, int column) {
        return true;
    }

    @Override
    public Object getValueAt(int row, int column) {
        return StageColumn.at(column).valueOf(rows.get(row));
    }

    @Override
    public void setValueAt(Object value, int row, int column) {
        rows.set(row, StageColumn.at(column).with(rows.get(row), value == null ? "" : value.toString()));
        fireTableCellUpdated(row, column);
    }
}
