"""Sync with the bureau (client side): enrolment, outbox push, blob upload with resume, pull with a cursor."""
