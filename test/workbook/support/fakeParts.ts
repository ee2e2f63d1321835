// The fake Excel's worksheet custom properties and charts (see fakeExcel.ts).

import type { MemoryWorkbook } from "../../../src/workbook/memory";
import { blockAddress, parseBlock } from "../../../src/workbook/address";
import { FakeContext, FakeOfficeError, Proxy } from "./fakeCore";
import type { FakeRangeP, FakeWorksheetP } from "./fakeSheet";

export class FakeCustomPropertiesP {
  constructor(
    private readonly context: FakeContext,
    private readonly sheet: FakeWorksheetP,
  ) {}
  getItemOrNullObject(key: string): FakePropertyP {
    return new FakePropertyP(
      this.context,
      () => {
        const t = this.sheet.target();
        if (t === null) {
          if (this.context.throwsOnNull) throw new FakeOfficeError("InvalidObjectPath", "The sheet does not exist.");
          return null;
        }
        const value = this.context.wb.property(t.name, key);
        return value === undefined ? null : { value };
      },
      true,
    );
  }
  add(key: string, value: string): void {
    this.context.send(() => {
      if (key.length > 255) throw new FakeOfficeError("InvalidArgument", "The key is longer than 255 characters.");
      this.context.wb.setProperty(this.sheet.must().name, key, value);
    }, value);
  }
}

export class FakePropertyP extends Proxy<{ value: string }> {
  protected override read(t: { value: string }, prop: string): unknown {
    return prop === "value" ? t.value : undefined;
  }
  get value(): string {
    return this.get("value");
  }
}

export class FakeChartsP {
  constructor(
    private readonly context: FakeContext,
    private readonly sheet: FakeWorksheetP,
  ) {}
  add(type: string, source: FakeRangeP, seriesBy: string): FakeChartP {
    void seriesBy;
    const chart = new FakeChartP(this.context, this.sheet);
    this.context.queue.push(() => {
      const name = this.sheet.must().name;
      const values = blockAddress(source.must().block);
      if (type !== "ColumnClustered" && type !== "Line")
        throw new FakeOfficeError("InvalidArgument", `Chart type ${type} is not modelled.`);
      chart.index = this.context.wb.charts(name).length;
      this.context.wb.addChart(name, {
        type,
        title: "",
        categories: values,
        series: [{ name: "Series1", values }],
        anchor: "A1",
      });
    });
    return chart;
  }
}

export class FakeChartP {
  index = -1;
  readonly title: { text: string };
  readonly series: { getItemAt: (i: number) => FakeSeriesP; add: (name: string) => FakeSeriesP };
  constructor(
    private readonly context: FakeContext,
    private readonly sheet: FakeWorksheetP,
  ) {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- accessor objects need the proxy
    const self = this;
    this.title = {
      get text(): string {
        throw new Error("not modelled");
      },
      set text(value: string) {
        self.update((c) => (c.title = value));
      },
    };
    this.series = {
      getItemAt: (i) => new FakeSeriesP(this, () => i),
      add: (name) => {
        let index = -1;
        this.update((c) => {
          index = c.series.length;
          c.series.push({ name, values: "" });
        });
        return new FakeSeriesP(this, () => index);
      },
    };
  }
  update(change: (c: ReturnType<MemoryWorkbook["charts"]>[number]) => void): void {
    this.context.queue.push(() => {
      const name = this.sheet.must().name;
      const chart = this.context.wb.charts(name)[this.index];
      if (!chart) throw new FakeOfficeError("ItemNotFound", "The chart does not exist.");
      change(chart);
      this.context.wb.setChart(name, this.index, chart);
    });
  }
  setPosition(anchor: string): void {
    this.update((c) => (c.anchor = blockAddress(parseBlock(anchor))));
  }
}

export class FakeSeriesP {
  constructor(
    private readonly chart: FakeChartP,
    private readonly index: () => number,
  ) {}
  set name(value: string) {
    this.chart.update((c) => (c.series[this.index()].name = value));
  }
  setValues(range: FakeRangeP): void {
    this.chart.update((c) => (c.series[this.index()].values = blockAddress(range.must().block)));
  }
  setXAxisValues(range: FakeRangeP): void {
    this.chart.update((c) => (c.categories = blockAddress(range.must().block)));
  }
}
