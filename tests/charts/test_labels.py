from reseau.charts.labels import CHAR_WIDTH, Box, _box_for, place_labels


def test_names_are_placed_without_overlapping_each_other():
    points = [(0.0, 0.0), (20.0, 0.0), (0.0, 20.0), (40.0, 40.0)]
    texts = ["Alice", "Bruno", "Chloé", "David"]

    placed = place_labels(points, texts, [5.0] * 4, font_size=14)

    boxes = []
    for (x, y), placement in zip(points, placed, strict=True):
        assert placement.text
        width = len(placement.text) * 14 * CHAR_WIDTH
        if placement.offset is None:
            boxes.append(_box_for(x, y, 5.0, width, 14 * 1.2, placement.position))
        else:
            cx, cy = x + placement.offset[0], y + placement.offset[1]
            boxes.append(Box(cx - width / 2, cy - 8.4, cx + width / 2, cy + 8.4))
    for i, one in enumerate(boxes):
        for other in boxes[i + 1 :]:
            assert not one.overlaps(other)


def test_a_name_points_away_from_the_centre_when_it_is_free():
    placed = place_labels([(100.0, 0.0), (-100.0, 0.0)], ["Est", "Ouest"], [5.0, 5.0], font_size=14)

    assert [p.position for p in placed] == ["middle right", "middle left"]


def test_a_name_that_fits_nowhere_is_left_to_the_hover():
    crowded = [(0.0, 0.0)] * 3
    walls = [Box(-500, -500, 500, 500)]

    placed = place_labels(crowded, ["A", "B", "C"], [4.0] * 3, font_size=14, obstacles=walls)

    assert [p.text for p in placed] == ["", "", ""]


def test_the_most_important_points_are_named_first_and_the_limit_is_kept():
    points = [(float(i * 200), 0.0) for i in range(5)]

    placed = place_labels(
        points, list("ABCDE"), [4.0] * 5, font_size=14, order=[4, 3, 2, 1, 0], limit=2
    )

    assert [p.text for p in placed] == ["", "", "", "D", "E"]
