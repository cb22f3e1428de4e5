from hypothesis import given, settings
from hypothesis import strategies as st

from reader.ui.text_offsets import OffsetMap, utf16_length


def test_astral_character_takes_two_units():
    text = "吉𠮷野家"
    offsets = OffsetMap(text)
    assert [offsets.to_utf16(i) for i in range(5)] == [0, 1, 3, 4, 5]
    assert offsets.to_code_point(3) == 2
    assert offsets.to_code_point(2) == 1  # inside the surrogate pair: the character's start
    assert utf16_length(text) == 5


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab中𠮷😀\n"), max_size=40))
def test_round_trip(text):
    offsets = OffsetMap(text)
    for position in range(len(text) + 1):
        utf16 = offsets.to_utf16(position)
        assert utf16 == utf16_length(text[:position])
        assert offsets.to_code_point(utf16) == position
