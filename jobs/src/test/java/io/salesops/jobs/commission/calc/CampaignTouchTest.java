package io.salesops.jobs.commission.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The text a credit carries its campaign touches in, and what it refuses. */
class CampaignTouchTest {

    @Test
    void touchesReadBackAsWrittenAndNoneIsEmpty() {
        List<CampaignTouch> touches = List.of(new CampaignTouch("EXPO26", 12, "attended"),
                new CampaignTouch("EXPO26", 0, "opened"));

        assertThat(CampaignTouch.format(touches)).isEqualTo("EXPO26:12:attended;EXPO26:0:opened");
        assertThat(CampaignTouch.parse(CampaignTouch.format(touches))).isEqualTo(touches);
        assertThat(CampaignTouch.parse(null)).isEmpty();
        assertThat(CampaignTouch.parse(" ")).isEmpty();
    }

    @Test
    void aMalformedTouchIsRefusedSayingWhatItShouldBe() {
        assertThatThrownBy(() -> CampaignTouch.parse("EXPO26:12"))
                .hasMessage("campaign touches are campaign:days:type joined by ';', cannot be: EXPO26:12");
        assertThatThrownBy(() -> CampaignTouch.parse("EXPO26:twelve:attended"))
                .hasMessage("campaign touch days must be a whole number, cannot be: EXPO26:twelve:attended");
        assertThatThrownBy(() -> CampaignTouch.parse("EXPO26:-1:attended"))
                .hasMessage("a campaign touch after the order does not lead to it, cannot be: -1 days before");
    }
}
