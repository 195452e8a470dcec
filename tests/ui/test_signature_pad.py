"""The signature pad: a pen draws wider as it presses harder; touch and mouse draw a steady line; stored as now."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QImage, QInputDevice, QMouseEvent, QPointingDevice, QTabletEvent
from PySide6.QtWidgets import QApplication

from eco_field import demo
from eco_field.store import inspections
from ui.signature_pad import MOUSE_WIDTH, PEN_MAX_WIDTH, PEN_MIN_WIDTH, SignatureDialog, SignaturePad


def stylus(pointer: QPointingDevice.PointerType = QPointingDevice.PointerType.Pen) -> QPointingDevice:
    caps = QInputDevice.Capability.Position | QInputDevice.Capability.Pressure
    return QPointingDevice("test stylus", 7 + int(pointer.value), QInputDevice.DeviceType.Stylus, pointer, caps, 1, 2)


def tablet(pad: SignaturePad, device: QPointingDevice, kind: QEvent.Type, x: float, y: float,
           pressure: float) -> bool:
    """Send a QTabletEvent as the platform plugin would deliver it; returns whether the pad accepted it."""
    pos = QPointF(x, y)
    down = kind != QEvent.Type.TabletRelease and pressure > 0
    event = QTabletEvent(kind, device, pos, pad.mapToGlobal(pos), pressure, 0.0, 0.0, 0.0, 0.0, 0.0,
                         Qt.KeyboardModifier.NoModifier, Qt.MouseButton.LeftButton,
                         Qt.MouseButton.LeftButton if down else Qt.MouseButton.NoButton)
    QApplication.sendEvent(pad, event)
    return event.isAccepted()


def pen_line(pad: SignaturePad, device: QPointingDevice, y: float, pressures: list[float]) -> None:
    """A horizontal line from x=40, 40 px per sample, pressing as given; lifted with no pressure."""
    assert tablet(pad, device, QEvent.Type.TabletPress, 40, y, pressures[0])
    for i, pressure in enumerate(pressures[1:], start=1):
        tablet(pad, device, QEvent.Type.TabletMove, 40 + 40 * i, y, pressure)
    tablet(pad, device, QEvent.Type.TabletRelease, 40 + 40 * len(pressures), y, 0.0)


def ink_height(image: QImage, x: int) -> int:
    """How many pixels of column x are dark: the line's thickness there."""
    return sum(1 for y in range(image.height()) if image.pixelColor(x, y).value() < 128)


@pytest.fixture
def pad(qtbot) -> SignaturePad:
    widget = SignaturePad()
    qtbot.addWidget(widget)
    widget.resize(720, 300)
    widget.show()
    return widget


def test_pen_pressure_sets_the_line_width(pad):
    pen_line(pad, stylus(), 100, [0.05, 0.2, 0.4, 0.6, 0.8, 1.0])
    [stroke] = pad.strokes  # one stroke: the pen's events are not drawn again as mouse events
    assert stroke.widths[0] == pytest.approx(PEN_MIN_WIDTH + (PEN_MAX_WIDTH - PEN_MIN_WIDTH) * 0.05)
    assert stroke.widths == sorted(stroke.widths) and stroke.widths[-1] == pytest.approx(PEN_MAX_WIDTH)
    # lifting the pen (pressure 0) ends the line at the width it had, not as a hairline
    assert len(stroke.points) == 7 and stroke.widths[-1] == stroke.widths[-2]
    image = QImage.fromData(pad.to_png())
    light, firm = ink_height(image, 60), ink_height(image, 260)
    assert 1 <= light <= 3 and firm >= 6 and firm > 2 * light


def test_hovering_and_the_eraser_leave_no_ink(pad):
    device = stylus()
    tablet(pad, device, QEvent.Type.TabletMove, 50, 50, 0.0)  # hovering above the screen
    tablet(pad, device, QEvent.Type.TabletMove, 90, 60, 0.0)
    assert pad.is_empty()
    assert tablet(pad, stylus(QPointingDevice.PointerType.Eraser), QEvent.Type.TabletPress, 50, 50, 0.9)
    assert pad.is_empty()
    pen_line(pad, device, 120, [0.5, 0.5])
    tablet(pad, device, QEvent.Type.TabletMove, 300, 200, 0.0)  # hovering after the pen lifted
    assert len(pad.strokes) == 1 and len(pad.strokes[0].points) == 3


def mouse(pad: SignaturePad, kind: QEvent.Type, x: float, y: float, buttons: Qt.MouseButton) -> None:
    pos = QPointF(x, y)
    QApplication.sendEvent(pad, QMouseEvent(kind, pos, pad.mapToGlobal(pos), Qt.MouseButton.LeftButton, buttons,
                                            Qt.KeyboardModifier.NoModifier))


def test_mouse_and_finger_draw_a_steady_line(pad):
    held = Qt.MouseButton.LeftButton
    mouse(pad, QEvent.Type.MouseButtonPress, 40, 150, held)
    for x in (100, 160, 220):
        mouse(pad, QEvent.Type.MouseMove, x, 150, held)
    mouse(pad, QEvent.Type.MouseButtonRelease, 220, 150, Qt.MouseButton.NoButton)
    mouse(pad, QEvent.Type.MouseMove, 400, 150, Qt.MouseButton.NoButton)  # moving without a button: no ink
    [stroke] = pad.strokes
    assert len(stroke.points) == 4 and set(stroke.widths) == {MOUSE_WIDTH}
    image = QImage.fromData(pad.to_png())
    assert ink_height(image, 70) == ink_height(image, 190) >= 2


def test_a_pen_signature_is_placed_in_the_document_and_kept_as_evidence(qtbot, ctx):
    from datetime import date

    from pypdf import PdfReader

    from eco_field.documents import numbering, service

    task = demo.demo_tasks()[0]
    insp = inspections.create(ctx.db, task.enterprise_id, task.officers)
    numbering.add_block(ctx.db, "inspection-record", date.today().year, 1, 10)
    issued = service.issue(ctx.ws, "inspection-record", inspection_id=insp.id)
    doc = service.get_document(ctx.db, issued["number"])
    dialog = SignatureDialog(ctx, doc)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("王某")
    signed_on = date.today()  # a party signs on or after the day the record was issued, never before it
    dialog.date.setText(signed_on.isoformat())
    pen_line(dialog.pad, stylus(), 120, [0.3, 0.6, 0.9])
    png = dialog.pad.to_png()
    with qtbot.waitSignal(dialog.signed, timeout=5000) as signal:
        dialog.save()
    result = signal.args[0]
    sha, name = ctx.db.execute("SELECT sha256, original_name FROM evidence WHERE inspection_id = ? AND "
                               "kind = 'signature'", [insp.id]).fetchone()
    assert name == f"签名-当事人-王某-{issued['number']}.png"
    assert ctx.ws.blobs.find(sha).read_bytes() == png  # the image as drawn, pressure widths included
    assert result["version"] == 2 and result["previous_sha256"] == issued["sha256"]
    signed = PdfReader(result["pdf"])
    assert all(len(page.images) >= 1 for page in signed.pages)  # a 笔录: the party signs every page
    assert f"{signed_on.year}年{signed_on.month}月{signed_on.day}日" in signed.pages[0].extract_text()
