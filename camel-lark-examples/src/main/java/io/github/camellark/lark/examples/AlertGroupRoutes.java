package io.github.camellark.lark.examples;

import io.github.camellark.lark.LarkConstants;
import org.apache.camel.builder.RouteBuilder;

/**
 * Scenario 1, the alert group bot: an alert POSTed by the monitoring system opens a war-room group with the on-call
 * people, posts the alert as an interactive card, pins it and buzzes the owner.
 * <pre>
 * curl -XPOST localhost:8080/alerts -d '{"title":"Disk almost full","host":"db-1","severity":"critical","detail":"/var at 97%"}'
 * </pre>
 * Configuration: {@code alert.oncall}, the on-call people's open_ids, comma separated; the first one owns the alert.
 */
public class AlertGroupRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("platform-http:/alerts?httpMethodRestrict=POST").routeId("alert-group")
                .unmarshal().json(Alert.class)
                .setVariable("alert", body())
                .setVariable("oncall", constant("{{alert.oncall}}"))
                .log("Alert '${variable.alert.title}' on ${variable.alert.host}: opening a war room")

                // 1. a group with the on-call people
                .setBody(method(Alerts.class, "warRoom"))
                .to("lark:chat")

                // 2. the alert card, in the new group
                .setHeader(LarkConstants.RECEIVE_ID, header(LarkConstants.CHAT_ID))
                .setBody(method(Alerts.class, "card"))
                .to("lark:message?receiveIdType=chat_id&msgType=interactive")

                // 3. pinned, so it stays on top of the group (the card's message id is in CamelLarkMessageId)
                .to("lark:pin")

                // 4. buzz the owner about the card
                .setHeader(LarkConstants.USER_ID_LIST, method(Alerts.class, "owner"))
                .to("lark:urgent")
                .log("War room ${header.CamelLarkChatId} opened, alert card ${header.CamelLarkMessageId} pinned, owner buzzed")

                .setHeader("Content-Type", constant("application/json"))
                .setBody(simple("{\"chat_id\":\"${header.CamelLarkChatId}\",\"message_id\":\"${header.CamelLarkMessageId}\"}"));
    }
}
