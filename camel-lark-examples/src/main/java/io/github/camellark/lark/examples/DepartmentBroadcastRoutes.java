package io.github.camellark.lark.examples;

import org.apache.camel.builder.RouteBuilder;

/**
 * Scenario 2, the department broadcast: one message to the members of several departments through Lark's batch send,
 * then its progress polled until every member got it (at most {@code broadcast.max-polls} times), and the read count.
 * <pre>
 * curl -XPOST localhost:8080/broadcasts -d '{"departments":["od-4e6ac4d14bcd5071a37a39de902c7141"],
 *                                           "title":"Maintenance tonight","text":"Lark is read-only from 22:00 to 23:00."}'
 * </pre>
 */
public class DepartmentBroadcastRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("platform-http:/broadcasts?httpMethodRestrict=POST").routeId("department-broadcast")
                .unmarshal().json(Broadcast.class)
                .setBody(method(Broadcasts.class, "batchSend"))
                .to("lark:batchMessage")
                .log("Broadcast ${header.CamelLarkBatchMessageId} sent; departments Lark did not know: ${body[invalid_department_ids]}")

                // Lark delivers a batch in the background: poll its progress until everyone has it
                .setVariable("delivered", constant(false))
                .setVariable("polls", constant(0))
                .loopDoWhile(simple("${variable.delivered} == false && ${variable.polls} < {{broadcast.max-polls}}"))
                    .setVariable("polls", simple("${variable.polls}++"))
                    .delay(simple("{{broadcast.poll-interval}}")).end()
                    .to("lark:batchMessage?operation=progress")
                    .setVariable("delivered", method(Broadcasts.class, "delivered"))
                    .log("Broadcast progress: ${body[batch_message_send_progress][success_user_ids_count]}"
                         + " of ${body[batch_message_send_progress][valid_user_ids_count]} delivered")
                .end()

                .to("lark:batchMessage?operation=readUser")
                .log("Broadcast ${header.CamelLarkBatchMessageId}: read by ${body[read_user][read_count]}"
                     + " of ${body[read_user][total_count]}")
                .setHeader("Content-Type", constant("application/json"))
                .setBody(simple("{\"batch_message_id\":\"${header.CamelLarkBatchMessageId}\",\"delivered\":${variable.delivered},"
                                + "\"read\":${body[read_user][read_count]},\"total\":${body[read_user][total_count]}}"));
    }
}
