"""Look and feel for field laptops: big touch targets, readable type, a sidebar that works with gloves."""

from __future__ import annotations

TOUCH_HEIGHT = 40  # px: buttons, inputs and list rows an officer can hit with a gloved finger

STYLESHEET = f"""
QWidget {{ font-size: 15px; }}
QPushButton, QToolButton {{ min-height: {TOUCH_HEIGHT}px; padding: 0 14px; }}
QLineEdit, QComboBox, QDateTimeEdit, QSpinBox, QDoubleSpinBox {{ min-height: {TOUCH_HEIGHT - 4}px; }}
QListWidget#sidebar {{ background: #1f3a4d; color: #f2f5f7; border: none; font-size: 17px; }}
QListWidget#sidebar::item {{ min-height: 56px; padding-left: 14px; }}
QListWidget#sidebar::item:selected {{ background: #2f8f6f; color: white; }}
QPushButton#sidebarButton {{ background: #1f3a4d; color: #f2f5f7; border: none; border-top: 1px solid #35556b;
    min-height: 48px; font-size: 16px; text-align: left; padding-left: 14px; }}
QLabel#screenTitle {{ font-size: 22px; font-weight: bold; }}
QLabel#emptyTitle {{ font-size: 20px; font-weight: bold; color: #1f3a4d; }}
QLabel#emptyText {{ font-size: 16px; color: #44525c; }}
QLabel#formError {{ color: #b3261e; font-weight: bold; }}
QLabel#sectionTitle {{ font-size: 17px; font-weight: bold; margin-top: 6px; }}
QFrame#banner {{ background: #fff4d6; border: 1px solid #e6c35c; }}
QTableView {{ gridline-color: #dde3e8; }}
QTableView::item {{ padding: 4px; }}
QHeaderView::section {{ padding: 6px; font-weight: bold; }}
QPushButton#primary {{ background: #2f8f6f; color: white; border-radius: 4px; font-weight: bold; }}
QPushButton#primary:disabled {{ background: #9bbfb3; }}
"""
