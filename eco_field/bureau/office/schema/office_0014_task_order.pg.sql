-- The task list pages through tasks in due-date order (dispatch.py), a page at a time.
CREATE INDEX office_fig_tasks_due ON office_fig_tasks(due_date, title)
