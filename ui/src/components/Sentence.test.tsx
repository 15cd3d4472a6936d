import { render } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Sentence } from "./Sentence";

describe("Sentence", () => {
  it("isolates each piece of user text in a bdi and shows no marks", () => {
    const { container } = render(
      <p>
        <Sentence text={"\u2068חיוב גרסה 2\u2069 (\u2068ليلى حداد\u2069) is on track."} />
      </p>,
    );
    const isolated = [...container.querySelectorAll("bdi")].map((b) => b.textContent);
    expect(isolated).toEqual(["חיוב גרסה 2", "ليلى حداد"]);
    expect(container.textContent).toBe("חיוב גרסה 2 (ليلى حداد) is on track.");
  });

  it("leaves a sentence without user text as it is", () => {
    const { container } = render(<Sentence text="Nothing shipped this week." />);
    expect(container.querySelector("bdi")).toBeNull();
    expect(container.textContent).toBe("Nothing shipped this week.");
  });
});
