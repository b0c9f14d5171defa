package io.licencedesk.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** A row the import's check refused. */
@Schema(name = "ImportProblem", description = "A refused row of an import file.")
public record ImportProblemResponse(
        @Schema(
                description =
                        "The file's line where the row starts (the header is line 1); a row whose quoted cell holds line"
                                + " breaks spans several lines.",
                example = "7",
                requiredMode = Schema.RequiredMode.REQUIRED)
        int line,

        @Schema(description = "The column at fault; null when it is the row as a whole.", example = "plan")
        String column,

        @Schema(example = "No plan is named \"Weekly\".", requiredMode = Schema.RequiredMode.REQUIRED)
        String reason) {}
